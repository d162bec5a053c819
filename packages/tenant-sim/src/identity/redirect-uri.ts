/**
 * Stands in for the SPA registration's redirect URIs: any path on an allowed origin. Entra
 * compares registered URIs exactly; the simulator relaxes that so dev servers may pick routes.
 */
export function isAllowedRedirectUri(redirectUri: string, spaOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  if (url.hash !== "" || redirectUri.includes("#")) return false;
  if (url.username !== "" || url.password !== "") return false;
  return spaOrigins.includes(url.origin);
}

export function isAllowedOrigin(origin: string, spaOrigins: readonly string[]): boolean {
  try {
    return spaOrigins.includes(new URL(origin).origin);
  } catch {
    return false;
  }
}
