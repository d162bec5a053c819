import type { Request } from "express";
import { graphContext } from "./graph-request-context.js";

/**
 * The origin a Graph request was sent to, from its Host header. Graph's links keep the host that
 * was asked, so a client of http://127.0.0.1:<port> pages on 127.0.0.1, not on the public URL's
 * localhost. When the Host names the public URL, its scheme is kept (a TLS-terminating proxy in
 * front); a missing or malformed Host falls back to the public URL.
 */
export function requestOrigin(publicUrl: string, host: string | undefined): string {
  if (host === undefined) return publicUrl;
  let asked: URL;
  try {
    asked = new URL(`http://${host}`);
  } catch {
    return publicUrl;
  }
  const onlyHost =
    asked.username === "" && asked.password === "" && asked.pathname === "/" && asked.search === "";
  if (!onlyHost || asked.hash !== "") return publicUrl;
  const known = new URL(publicUrl);
  return `${asked.host === known.host ? known.protocol : "http:"}//${asked.host}`;
}

/**
 * `@odata.nextLink`: absolute on the origin the caller asked (the outer request's for a $batch
 * sub-request), the request's own path, then `query`.
 */
export function nextLinkFor(req: Request, query: string): string {
  const path = req.originalUrl.split("?", 1)[0] ?? "";
  return `${graphContext(req).origin}${path}?${query}`;
}
