import path from "node:path";
import express, { type RequestHandler } from "express";

/**
 * Serves the built SPA from the same origin as the API (one origin: no CORS in production),
 * with the SPA fallback: any other GET outside /api gets index.html so client-side routes
 * survive a reload. Hashed assets are cacheable for long; index.html never.
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
      const isApi = req.path === "/api" || req.path.startsWith("/api/");
      if ((req.method !== "GET" && req.method !== "HEAD") || isApi) {
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
