/**
 * Secret redaction. Known secrets (the configured and rotated tokens, cookie values, csrf values, the MCP
 * bearer) are registered as they become known and replaced verbatim; shape-based patterns catch the rest
 * (JWE compact tokens, Bearer headers, next-auth cookies) even before registration.
 */
const known = new Set<string>();

export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < 8) return;
  known.add(value);
  try {
    const enc = encodeURIComponent(value);
    if (enc !== value) known.add(enc);
  } catch {
    /* lone surrogate: the raw value is registered already */
  }
}

const patterns: Array<[RegExp, string]> = [
  // compact JWE/JWS: five or three base64url segments
  [/\beyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){2,4}/g, "[redacted-token]"],
  [/\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi, "$1 [redacted]"],
  [/((?:__Secure-|__Host-)?next-auth\.[a-z.-]+(?:\.\d+)?=)[^;\s"']+/gi, "$1[redacted]"],
  [/\b(TE1TX0FVVEg|TE1TX0NPTlRFWFQ)=[^;\s"']+/g, "$1=[redacted]"],
  [/("?(?:authToken|contextToken|csrfToken|cookie|accessToken|password)"?\s*[:=]\s*"?)[^"\s,;}]{6,}/gi, "$1[redacted]"],
];

export function redact(text: string): string {
  let out = text;
  // Longest first so a secret containing another is replaced whole.
  for (const s of [...known].sort((a, b) => b.length - a.length)) {
    if (out.includes(s)) out = out.split(s).join("[redacted]");
  }
  for (const [re, rep] of patterns) out = out.replace(re, rep);
  return out;
}

/** Every secret registered so far (uploads refuse files that contain one). */
export function knownSecrets(): string[] {
  return [...known];
}

/** For tests only. */
export function clearSecrets(): void {
  known.clear();
}
