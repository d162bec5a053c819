/**
 * Query parameters that carry a credential in OAuth and OIDC flows (RFC 6750 §2.3's
 * `access_token`, the authorization `code`, `id_token`, client secrets and assertions).
 */
const CREDENTIAL_PARAMETERS = new Set([
  "access_token",
  "refresh_token",
  "id_token",
  "token",
  "code",
  "client_secret",
  "assertion",
  "client_assertion",
]);

/** Anything shaped like a JWT (a JWS or JWE starts with a base64url `{"`): `eyJ…`. */
const JWT_SHAPED = /eyJ[\w-]+\.[\w-]*(\.[\w-]*)?/g;

const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
};

/**
 * The URL as a log may show it (issue #17, 3): the values of credential parameters and every
 * JWT-shaped value, anywhere in the path or query, replaced by `[redacted]`. A token sent in a
 * URL is refused, but its line in the log must not hand it to whoever reads the log.
 */
export const redactUrl = (url: string): string => {
  const at = url.indexOf("?");
  const path = (at < 0 ? url : url.slice(0, at)).replace(JWT_SHAPED, "[redacted]");
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? "" : pair.slice(eq + 1);
      const isCredential = CREDENTIAL_PARAMETERS.has(decoded(key).toLowerCase());
      if (isCredential && value !== "") return `${key}=[redacted]`;
      return decoded(pair).match(JWT_SHAPED)
        ? `${key.replace(JWT_SHAPED, "[redacted]")}=[redacted]`
        : pair;
    })
    .join("&");
  return `${path}?${query}`;
};
