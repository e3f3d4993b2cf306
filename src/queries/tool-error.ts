/**
 * An expected failure whose message the model can act on (bad input, nothing matches, Halo said no). It lives
 * here, below every room that raises it; src/tools/errors.ts turns it and everything else into the tool's answer.
 */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolError";
  }
}
