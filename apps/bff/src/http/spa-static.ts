import path from "node:path";
import express, { type RequestHandler } from "express";

/**
 * Whether a path is, or decodes and normalizes to, the API (`//api/me`, `/%61pi/me`,
 * `/x/../api/me`): such a request is the API's to answer (a 404 problem if no route took it),
 * never the SPA page (issue #17, 5). A path that is not valid percent-encoding is not a page.
 */
const isApiPath = (rawPath: string): boolean => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return true;
  }
  const normalized = path.posix.normalize(decoded.replace(/\\/g, "/")).toLowerCase();
  return normalized === "/api" || normalized.startsWith("/api/");
};

/** A file the SPA would have built (under /assets/ or named with an extension), not a route. */
const isFilePath = (rawPath: string): boolean =>
  rawPath.startsWith("/assets/") || /\.[A-Za-z0-9]{1,10}$/.test(rawPath);

/**
 * Serves the built SPA from the same origin as the API (one origin: no CORS in production),
 * with the SPA fallback: any other GET outside /api gets index.html so client-side routes
 * survive a reload. Hashed assets are cacheable for long; index.html never. A missing file is a
 * 404, not the page (a stale chunk must fail loudly, not parse HTML as JavaScript).
 */
export const spaStatic = (distDir: string): RequestHandler[] => {
  const root = path.resolve(distDir);
  const index = path.join(root, "index.html");
  return [
    express.static(root, {
      index: false,
      setHeaders: (res, file) => {
        res.setHeader(
          "Cache-Control",
          file.includes(`${path.sep}assets${path.sep}`)
            ? "public, max-age=31536000, immutable"
            : "no-cache",
        );
      },
    }),
    (req, res, next) => {
      const isPage = !isApiPath(req.path) && !isFilePath(req.path);
      if ((req.method !== "GET" && req.method !== "HEAD") || !isPage) {
        next();
        return;
      }
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(index, (error: unknown) => {
        if (error) next(error);
      });
    },
  ];
};
