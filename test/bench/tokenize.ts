/**
 * Token counting. o200k_base (GPT-4o/GPT-5's encoding) stands in for Claude's tokenizer, which is not
 * published; both are byte-level BPEs with ~200k vocabularies, so ratios carry over even if counts differ.
 */
import { encode } from "gpt-tokenizer/encoding/o200k_base";

export const ENCODING = "o200k_base (gpt-tokenizer; proxy for Claude's tokenizer)";

/** Halo text may contain anything, including strings that look like special tokens: count them as text. */
export function tokens(text: string): number {
  return encode(text, { disallowedSpecial: new Set() }).length;
}
