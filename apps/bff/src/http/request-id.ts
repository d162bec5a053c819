import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";

export const REQUEST_ID_HEADER = "x-request-id";

const ids = new WeakMap<IncomingMessage, string>();

/**
 * Gives every request a fresh UUID, echoed in `x-request-id` and in problem bodies, so a
 * helpdesk agent can quote it and we can find the log line. An incoming x-request-id is not
 * trusted: it would let a caller forge or collide ids in our logs.
 */
export const requestId = (): RequestHandler => (req, res, next) => {
  const id = randomUUID();
  ids.set(req, id);
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
};

export const requestIdOf = (req: IncomingMessage): string => {
  let id = ids.get(req);
  if (id === undefined) {
    id = randomUUID();
    ids.set(req, id);
  }
  return id;
};
