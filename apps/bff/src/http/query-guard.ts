import { api } from "@ihc/contracts";
import type { RequestHandler } from "express";
import { InputError } from "../errors.js";

type RouteName = keyof typeof api;

/** Each route of the contract as a matcher: Express matches paths case-insensitively. */
const matchers = (names: readonly RouteName[]) =>
  names.map((name) => {
    const route = api[name];
    return {
      method: route.method,
      pattern: new RegExp(`^${route.path.replace(/:[A-Za-z]+/g, "[^/]+")}/?$`, "i"),
      takesQuery: "query" in route,
    };
  });

/**
 * A route whose contract has no query schema refuses any query key with a 400 naming it (issue
 * #17, 8): an ignored key hides a caller's mistake (`?top=5` that never limits anything) and
 * lets a probe pass unnoticed. Routes with a query schema parse it strictly themselves. Mounted
 * after authentication for the routes that need it, so an anonymous caller learns nothing.
 */
export const refuseUnknownQuery = (
  names: readonly RouteName[] = Object.keys(api) as RouteName[],
): RequestHandler => {
  const routes = matchers(names);
  return (req, _res, next) => {
    const url = req.originalUrl;
    const at = url.indexOf("?");
    if (at < 0) {
      next();
      return;
    }
    const method = req.method === "HEAD" ? "GET" : req.method;
    const path = url.slice(0, at);
    const route = routes.find((r) => r.method === method && r.pattern.test(path));
    const keys = [...new URLSearchParams(url.slice(at + 1)).keys()];
    if (route === undefined || route.takesQuery || keys.length === 0) {
      next();
      return;
    }
    throw new InputError(
      "This route takes no query parameters.",
      [...new Set(keys)].map((key) => ({
        path: `query.${key}`,
        message: "is not a parameter of this route",
      })),
    );
  };
};
