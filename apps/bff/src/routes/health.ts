import { HealthSchema } from "@ihc/contracts";
import { Router } from "express";
import { sendJson } from "../http/send-json.js";

export interface HealthDeps {
  version: string;
  tenantKind: "simulator" | "entra";
  startedAt: number;
  now?: () => number;
}

/** `GET /api/health`: public, cheap, no Graph call (a liveness probe must not spend quota). */
export const healthRouter = ({
  version,
  tenantKind,
  startedAt,
  now = Date.now,
}: HealthDeps): Router =>
  Router().get("/health", (_req, res) => {
    sendJson(res, HealthSchema, {
      status: "ok",
      version,
      tenant: tenantKind,
      uptimeSeconds: Math.floor((now() - startedAt) / 1000),
    });
  });
