import { api } from "@ihc/contracts";
import type { RequestHandler } from "express";
import type { Metrics } from "./metrics.js";

/** Each contract route as a matcher; Express matches paths case-insensitively, so do we. */
const routes = Object.values(api).map((route) => ({
  method: route.method,
  path: route.path,
  pattern: new RegExp(`^${route.path.replace(/:[A-Za-z]+/g, "[^/]+")}/?$`, "i"),
}));

/**
 * The route pattern a request addressed (`/api/apps/:id`), from the contracts' route table,
 * never the raw URL: ids and search terms would make a label value per request. Anything else
 * (the SPA's files, unknown paths, probes) is `unmatched`.
 */
export const routeLabelOf = (method: string, path: string): string => {
  if (path === "/metrics") return "/metrics";
  const asGet = method === "HEAD" ? "GET" : method;
  return (
    routes.find((route) => route.method === asGet && route.pattern.test(path))?.path ?? "unmatched"
  );
};

/** Times every request, from its arrival to the last byte of its answer (or its abort). */
export const requestMetrics =
  (metrics: Metrics): RequestHandler =>
  (req, res, next) => {
    const end = metrics.httpRequestSeconds.startTimer();
    const path = req.originalUrl.split("?")[0] ?? "";
    let done = false;
    const observe = () => {
      if (done) return;
      done = true;
      end({
        method: req.method,
        route: routeLabelOf(req.method, path),
        status: res.headersSent || res.writableFinished ? String(res.statusCode) : "aborted",
      });
    };
    res.once("finish", observe).once("close", observe);
    next();
  };
