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
 * helmet with a strict CSP for the SPA (when the BFF serves it) and for every API answer.
 * HSTS only over https: sent over http it is ignored, and on localhost it would pin the
 * developer's browser to https for every local port.
 */
export const securityHeaders = (metadata: OidcMetadata): RequestHandler[] => [
  helmetFor(metadata),
  (req, res, next) => {
    if (req.secure) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  },
];

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
