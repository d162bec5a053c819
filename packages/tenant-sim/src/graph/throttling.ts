import type { RequestHandler } from "express";
import { throttledServiceOf } from "../faults/throttling.js";
import type { SimulatorContext } from "../simulator-context.js";
import { graphContext, graphToken } from "./graph-request-context.js";
import { intuneError } from "./intune-error.js";

const writeMethods = new Set(["POST", "PATCH", "PUT", "DELETE"]);

/**
 * Intune's per-service throttling: after the token check (the app is known from `appid` or
 * `azp`), before the request reaches its resource, so a 429 is never applied.
 * https://learn.microsoft.com/graph/throttling-limits#intune-service-limits
 */
export function intuneThrottling(ctx: SimulatorContext): RequestHandler {
  return (req, _res, next) => {
    const service = throttledServiceOf(req.path);
    if (service === undefined) {
      next();
      return;
    }
    const { claims } = graphToken(req);
    const appId =
      typeof claims.appid === "string"
        ? claims.appid
        : typeof claims.azp === "string"
          ? claims.azp
          : "unknown-app";
    const verdict = ctx.throttling.admit(
      service,
      ctx.tenantId,
      appId,
      writeMethods.has(req.method),
    );
    if (verdict.admitted) {
      next();
      return;
    }
    // Intune often leaves Retry-After out (retryAfterAsIntune); clients must back off alone.
    // https://learn.microsoft.com/graph/throttling#best-practices-to-handle-throttling
    const headers: Record<string, string> = graphContext(req).scenario.retryAfterAsIntune
      ? {}
      : { "Retry-After": String(verdict.retryAfterSeconds) };
    throw intuneError(req, 429, "TooManyRequests", "App request limit exceeded.", headers);
  };
}
