import { InputError } from "../errors.js";

/**
 * The header the SPA sends when it retries after a claims challenge: the same base64 claims
 * request the BFF's `WWW-Authenticate` carried, which the SPA satisfied when it re-acquired its
 * token. The BFF passes it into the on-behalf-of request (msal-node `claims`), so Entra ID
 * evaluates the Conditional Access policy (MFA, an authentication context) against it (ADR 0027).
 */
export const CLAIMS_CHALLENGE_HEADER = "x-claims-challenge";

const MAX_LENGTH = 4096;

/** The decoded claims request (JSON text), or undefined when the header is absent. */
export const claimsRequestFrom = (header: string | undefined): string | undefined => {
  if (header === undefined || header.trim() === "") return undefined;
  const refused = () =>
    new InputError("The X-Claims-Challenge header must be a base64 JSON claims request.", [
      { path: "headers.x-claims-challenge", message: "must be a base64 JSON object" },
    ]);
  const value = header.trim();
  if (value.length > MAX_LENGTH || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) throw refused();
  const text = Buffer.from(value, "base64").toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refused();
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw refused();
  return text;
};
