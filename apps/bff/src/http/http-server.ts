import { createServer, type Server } from "node:http";
import type { Express } from "express";
import type { Config } from "../config.js";

/**
 * The Node HTTP server around the app, with the request deadlines of the configuration: a
 * request whose headers or body arrive too slowly (or never end) gets Node's 408 and its
 * connection is closed. Deadlines are checked every second (Node's default is 30 s).
 */
export const createHttpServer = (
  app: Express,
  { headersMs, requestMs }: Config["requestTimeouts"],
): Server =>
  createServer(
    {
      headersTimeout: headersMs,
      requestTimeout: requestMs,
      connectionsCheckingInterval: Math.min(1000, headersMs),
    },
    app,
  );
