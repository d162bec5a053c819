import { createHash, timingSafeEqual } from "node:crypto";
import { Router, type Request } from "express";
import { AuthenticationError, NotFoundError } from "../errors.js";
import type { MetricsAccess } from "../observability/metrics-access.js";
import type { Metrics } from "../observability/metrics.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * A direct connection from this machine. A request that came through a proxy carries
 * Forwarded/X-Forwarded-For: refused, because a proxy on this machine would otherwise make
 * every outside caller look local.
 */
const isLocalCaller = (req: Request): boolean =>
  LOOPBACK.has(req.socket.remoteAddress ?? "") &&
  req.headers.forwarded === undefined &&
  req.headers["x-forwarded-for"] === undefined;

const hasToken = (req: Request, token: string): boolean => {
  const presented = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  // Compared as digests: constant time whatever the lengths.
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
};

/**
 * `GET /metrics` in Prometheus's text format. Off (404, as if absent) unless METRICS_ACCESS
 * opens it; never behind the user's sign-in, because a scraper has no Entra ID token.
 */
export const metricsRouter = (metrics: Metrics, access: MetricsAccess): Router =>
  Router().get("/metrics", async (req, res) => {
    if (access.mode === "off" || (access.mode === "loopback" && !isLocalCaller(req))) {
      throw new NotFoundError(`No route for ${req.method} ${req.path}.`);
    }
    if (access.mode === "bearer" && !hasToken(req, access.token)) {
      throw new AuthenticationError(
        "metrics: no or wrong METRICS_TOKEN",
        req.headers.authorization !== undefined,
      );
    }
    const body = await metrics.registry.metrics();
    res.setHeader("Cache-Control", "no-store");
    res.type(metrics.registry.contentType).send(body);
  });
