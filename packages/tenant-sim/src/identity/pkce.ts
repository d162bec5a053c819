import { createHash, timingSafeEqual } from "node:crypto";

/** RFC 7636 §4.1: 43-128 characters of [A-Z a-z 0-9 - . _ ~]. */
const pkceValue = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isValidCodeChallenge(challenge: string): boolean {
  return /^[A-Za-z0-9\-_]{43}$/.test(challenge);
}

export function isValidCodeVerifier(verifier: string): boolean {
  return pkceValue.test(verifier);
}

/** S256: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge (RFC 7636 §4.6). */
export function verifiesS256(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash("sha256").update(verifier, "ascii").digest("base64url"));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
