/**
 * Size limits that must agree across layers: the transports refuse a JSON-RPC message over MESSAGE_MAX_BYTES,
 * so every input a tool accepts inside one message (an inline upload's base64) has to fit under it.
 */
const MB = 1024 * 1024;

/** The largest JSON-RPC message stdio or HTTP accepts; a larger one gets an error reply and is dropped. */
export const MESSAGE_MAX_BYTES = 16 * MB;

/** Room for the envelope around an inline upload (method, names, other arguments). */
const ENVELOPE_BYTES = 256 * 1024;

/** Decoded bytes of the largest inline upload: its base64 (4 chars per 3 bytes) plus the envelope fit in one message. */
export const INLINE_UPLOAD_MAX_BYTES = Math.floor(((MESSAGE_MAX_BYTES - ENVELOPE_BYTES) * 3) / 4 / MB) * MB;

/** Default overall deadline of one tool call: under the 60 s most MCP clients wait before giving up. */
export const TOOL_DEADLINE_MS_DEFAULT = 50_000;

/** Default cap on one Halo reply held in memory (JSON or text), configurable as replyMaxBytes. */
export const REPLY_MAX_BYTES_DEFAULT = 20 * MB;
