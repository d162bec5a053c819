/** One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1): a scheme and its auth-params. */
export interface AuthChallenge {
  scheme: string;
  /** Parameter names lower-cased; quoted-string values unescaped. */
  params: Record<string, string>;
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;

/**
 * Parses a `WWW-Authenticate` header into its challenges. Written out rather than split on
 * commas and `=`, because a claims challenge carries base64 (with `=` padding) in a quoted string
 * and a header may hold several challenges.
 */
export function parseWwwAuthenticate(header: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let index = 0;
  let current: AuthChallenge | undefined;

  const skipWhitespace = (): void => {
    while (index < header.length && /\s/.test(header.charAt(index))) index += 1;
  };
  const readToken = (): string => {
    const start = index;
    while (index < header.length && TOKEN.test(header.charAt(index))) index += 1;
    return header.slice(start, index);
  };
  const readQuoted = (): string => {
    // Opening quote already seen.
    index += 1;
    let value = "";
    while (index < header.length) {
      const char = header.charAt(index);
      if (char === "\\" && index + 1 < header.length) {
        value += header.charAt(index + 1);
        index += 2;
      } else if (char === '"') {
        index += 1;
        break;
      } else {
        value += char;
        index += 1;
      }
    }
    return value;
  };

  while (index < header.length) {
    skipWhitespace();
    if (header.charAt(index) === ",") {
      index += 1;
      continue;
    }
    const start = index;
    const name = readToken();
    if (name === "") {
      // Not a token: skip the stray character rather than loop forever.
      index += 1;
      continue;
    }
    skipWhitespace();
    if (header.charAt(index) === "=") {
      index += 1;
      skipWhitespace();
      let value: string;
      if (header.charAt(index) === '"') {
        value = readQuoted();
      } else {
        // token68 or token; trailing `=` padding belongs to the value.
        const valueStart = index;
        while (
          index < header.length &&
          header.charAt(index) !== "," &&
          !/\s/.test(header.charAt(index))
        )
          index += 1;
        value = header.slice(valueStart, index);
      }
      if (current) current.params[name.toLowerCase()] = value;
      continue;
    }
    // A bare token starts a new challenge (its scheme); anything else is ignored.
    index = start + name.length;
    current = { scheme: name, params: {} };
    challenges.push(current);
  }
  return challenges;
}

/**
 * The claims a 401 asks for, as the JSON string MSAL's `claims` request parameter takes, or
 * `undefined` when the header carries no (valid) claims challenge. Entra ID and our BFF send it
 * base64-encoded: `Bearer error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsi..."`.
 * https://learn.microsoft.com/entra/identity-platform/claims-challenge
 */
export function getClaimsChallenge(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  for (const challenge of parseWwwAuthenticate(header)) {
    if (challenge.scheme.toLowerCase() !== "bearer") continue;
    const encoded = challenge.params.claims;
    if (!encoded) continue;
    const claims = decodeBase64Json(encoded);
    if (claims !== undefined) return claims;
  }
  return undefined;
}

/**
 * Whether a 401 says only an interactive sign-in can help (`Bearer error="interaction_required"`,
 * what our BFF sends when the token service asked for interaction without naming claims).
 */
export function requiresInteraction(header: string | null | undefined): boolean {
  if (!header) return false;
  return parseWwwAuthenticate(header).some(
    (challenge) =>
      challenge.scheme.toLowerCase() === "bearer" &&
      challenge.params.error === "interaction_required",
  );
}

/** Decodes base64 or base64url (padded or not) to UTF-8 text, if that text is a JSON object. */
export function decodeBase64Json(encoded: string): string | undefined {
  const normalized = encoded.trim().replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normalized)) return undefined;
  const padded = normalized.padEnd(Math.ceil(normalized.length / 4) * 4, "=");
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? text
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The header the SPA sends with its retry after a claims challenge: the claims it satisfied, so
 * the BFF passes them into its on-behalf-of request (ADR 0027). Base64 of the UTF-8 JSON text,
 * as the challenge carried it.
 */
export const CLAIMS_CHALLENGE_HEADER = "X-Claims-Challenge";

export function encodeBase64Json(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
