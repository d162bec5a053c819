import type { Request } from "express";
import type { JWTPayload } from "jose";
import type { Scenario } from "../faults/scenario.js";

export type GraphVersion = "v1.0" | "beta";

/** A Graph token that passed signature, audience, issuer, tenant and lifetime checks. */
export interface VerifiedGraphToken {
  claims: JWTPayload;
  /** Delegated (has `scp`) or app-only (has `roles`, `idtyp: app`). */
  delegated: boolean;
  scopes: readonly string[];
  roles: readonly string[];
  oid: string;
}

export interface GraphRequestContext {
  version: GraphVersion;
  requestId: string;
  clientRequestId: string;
  /** Scheme and host the caller asked (next-link.ts): where `@odata.nextLink`s point. */
  origin: string;
  /** Set by the auth check; every resource route runs after it. */
  token: VerifiedGraphToken | undefined;
  /** Set when a fault drops the connection, so the log can say so. */
  dropped: boolean;
  /** Set on a sub-request of a $batch: the outer request's id and the sub-request's id. */
  batch: BatchOrigin | null;
  /** The scenario as the request arrived. */
  scenario: Readonly<Scenario>;
}

export interface BatchOrigin {
  requestId: string;
  id: string;
  /** The outer request's origin, which the sub-request's links keep. */
  origin: string;
}

const contexts = new WeakMap<Request, GraphRequestContext>();

export function setGraphContext(req: Request, context: GraphRequestContext): void {
  contexts.set(req, context);
}

export function graphContext(req: Request): GraphRequestContext {
  const context = contexts.get(req);
  if (context === undefined) throw new Error("Graph request context missing: router misconfigured");
  return context;
}

export function graphToken(req: Request): VerifiedGraphToken {
  const token = graphContext(req).token;
  if (token === undefined) throw new Error("Graph route reached without an authenticated token");
  return token;
}
