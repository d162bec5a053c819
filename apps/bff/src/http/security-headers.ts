import type { RequestHandler } from "express";
import helmet from "helmet";
import type { OidcMetadata } from "../auth/oidc-metadata.js";

/** The CSP directives, given the tenant's metadata (exported so tests and docs can show it). */
export const contentSecurityPolicyDirectives = (metadata: OidcMetadata) => {
  const tokenOrigin = new URL(metadata.token_endpoint).origin;
  const authorizeOrigin = new URL(metadata.authorization_endpoint).origin;
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Fluent UI v9 (Griffel) inserts style rules at run time.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    // MSAL in the browser redeems codes and refreshes tokens at the token endpoint.
    connectSrc: ["'self'", tokenOrigin],
    // MSAL's silent sign-in loads the authorize endpoint in a hidden iframe.
    frameSrc: [authorizeOrigin],
    formAction: ["'self'", authorizeOrigin],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  };
};

/**
 * What every answer under /api carries: they are data for the SPA's `fetch`, never a document,
 * so the policy is the strictest there is (nothing may load, nothing may frame it) and the set is
 * OWASP's for REST answers (REST Security Cheat Sheet, "Security Headers"); `Cache-Control:
 * no-store` is the API router's. The document's policy (scripts, styles, MSAL's origins) and
 * helmet's headers for documents (opener policy, DNS prefetch, legacy IE and XSS-auditor
 * switches) say nothing more on a JSON answer and cost about 700 bytes written on each (issue
 * #19's profile; ADR 0039).
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
};
const apiHeaderEntries = Object.entries(API_SECURITY_HEADERS);

/** Express routes case-insensitively: /API/me reaches the API router too. */
const isApiPath = (path: string) => /^\/api(\/|$)/i.test(path);

/**
 * API answers get API_SECURITY_HEADERS; everything else (the SPA when the BFF serves it, its
 * files, /metrics, 404s outside /api) helmet with the document's strict CSP. HSTS only over
 * https: sent over http it is ignored, and on localhost it would pin the developer's browser to
 * https for every local port.
 */
export const securityHeaders = (metadata: OidcMetadata): RequestHandler[] => {
  const documentHeaders = helmetFor(metadata);
  const apiHeaders: RequestHandler = (_req, res, next) => {
    for (const [name, value] of apiHeaderEntries) res.setHeader(name, value);
    next();
  };
  return [
    (req, res, next) => {
      if (isApiPath(req.path)) apiHeaders(req, res, next);
      else documentHeaders(req, res, next);
    },
    (req, res, next) => {
      if (req.secure) {
        res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
      }
      next();
    },
  ];
};

/**
 * The same headers as plain values, for the answers Node writes itself before Express sees a
 * request (a request it cannot parse, headers too large or too slow): helmet run once on a
 * stand-in response that only records what is set.
 */
export const securityHeaderValues = (metadata: OidcMetadata): Record<string, string> => {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a header map
      delete headers[name.toLowerCase()];
    },
  };
  // helmet reads nothing of the request and only sets and removes headers on the response.
  const request = Object.create(null) as Parameters<RequestHandler>[0];
  helmetFor(metadata)(
    request,
    recorder as unknown as Parameters<RequestHandler>[1],
    () => undefined,
  );
  return headers;
};

const helmetFor = (metadata: OidcMetadata): RequestHandler =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicyDirectives(metadata),
    },
    strictTransportSecurity: false,
    // The legacy twin of frame-ancestors 'none', for browsers without CSP level 2.
    xFrameOptions: { action: "deny" },
    // MSAL's popup flows need the opener; same-origin would sever it.
    crossOriginOpenerPolicy: { policy: "same-origin-allow-popups" },
  });
