/** The resolved, frozen configuration. Only the entry point reads process.env; everything else gets this. */
export interface AppConfig {
  /** Absolute path of the config file (may not exist yet). */
  readonly configPath: string;
  readonly halo: {
    readonly baseUrl: string; // web host (next-auth), e.g. https://halo.gcu.edu
    readonly gatewayUrl: string; // GraphQL gateway, e.g. https://gateway.halo.gcu.edu/
    readonly orchestrationUrl: string; // REST base, e.g. https://orchestration.halo.gcu.edu (path /api/v1/orchestrate/ appended)
    /** true when orchestrationUrl is only the default: the REST base is then read once from Halo's own page. */
    readonly discoverOrchestration?: boolean;
    readonly authToken?: string;
    readonly contextToken?: string;
    readonly transactionId?: string;
    /** A whole `Cookie:` header from a logged-in halo.gcu.edu tab. */
    readonly cookie?: string;
    readonly requestTimeoutMs: number;
    readonly maxConcurrency: number;
    /** A Halo reply (JSON or text) larger than this is refused and dropped, never held whole. */
    readonly replyMaxBytes: number;
  };
  readonly timezone: string; // IANA, default America/Phoenix
  readonly readOnly: boolean;
  readonly uploadRoots: readonly string[]; // absolute
  readonly uploadMaxBytes: number;
  readonly downloadsDir: string; // absolute
  /** Downloads larger than this are refused (before the body, when Halo sends its length). */
  readonly downloadMaxBytes: number;
  readonly inlineTextMaxBytes: number;
  /** Every tool call answers within this, below the usual 60 s client timeout. */
  readonly toolDeadlineMs: number;
  readonly transport: "stdio" | "http";
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly authToken?: string; // MCP_AUTH_TOKEN
    readonly allowedOrigins: readonly string[];
    readonly allowedHosts: readonly string[];
    /** Where clients reach this server when that differs from the bind (Docker's published port), for the setup lines. */
    readonly publicUrl?: string;
  };
  readonly logLevel: "debug" | "info" | "warn" | "error";
  /** The browser `login` opens (path or command name); undefined = look for Chrome, Edge or Chromium. */
  readonly browser?: string;
}
