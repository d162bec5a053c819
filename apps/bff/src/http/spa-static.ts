import path from "node:path";
import type { RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";

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

const decodes = (rawPath: string): boolean => {
  try {
    decodeURIComponent(rawPath);
    return true;
  } catch {
    return false;
  }
};

/** A file the SPA would have built (under /assets/ or named with an extension), not a route. */
const isFilePath = (rawPath: string): boolean =>
  rawPath.startsWith("/assets/") || /\.[A-Za-z0-9]{1,10}$/.test(rawPath);

/**
 * Serves the built SPA from the same origin as the API (one origin: no CORS in production),
 * with the SPA fallback: any other GET outside /api gets index.html so client-side routes
 * survive a reload. Hashed assets are cacheable for long; index.html never. A missing file is a
 * 404, not the page (a stale chunk must fail loudly, not parse HTML as JavaScript). Files go out
 * as the build compressed them (.br, else .gz) to browsers that accept that (ADR 0040).
 */
export const spaStatic = (distDir: string): RequestHandler[] => {
  const root = path.resolve(distDir);
  const index = path.join(root, "index.html");
  const files = expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ["br", "gzip"],
    index: false,
    serveStatic: {
      index: false,
      setHeaders: (res, file) => {
        res.setHeader(
          "Cache-Control",
          file.includes(`${path.sep}assets${path.sep}`)
            ? "public, max-age=31536000, immutable"
            : "no-cache",
        );
      },
    },
  });
  return [
    (req, res, next) => {
      // Files are read, never posted to: on any other method it would still mark the answer as
      // compressed. A path that is not valid percent-encoding it would answer itself, in plain
      // text; no file has such a name, so both go on to the 404 problem.
      if ((req.method !== "GET" && req.method !== "HEAD") || !decodes(req.path)) {
        next();
        return;
      }
      files(req, res, next);
    },
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
