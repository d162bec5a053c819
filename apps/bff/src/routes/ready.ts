import { NotReadyProblemSchema, PROBLEM_CONTENT_TYPE, ReadinessSchema } from "@ihc/contracts";
import { Router } from "express";
import { requestIdOf } from "../http/request-id.js";
import { sendJson } from "../http/send-json.js";
import { runProbes, type ReadinessProbe } from "../observability/readiness-probes.js";

/**
 * `GET /api/ready`: public readiness probe (a load balancer sends traffic only while it is 200).
 * Unlike `/api/health` (liveness: the process answers) it checks what a request needs: the
 * journal store, the tenant's OIDC metadata, Redis when configured. 503 problem listing them.
 */
export const readyRouter = (probes: readonly ReadinessProbe[]): Router =>
  Router().get("/ready", async (req, res) => {
    const checks = await runProbes(probes);
    const missing = checks.filter((check) => !check.ok);
    if (missing.length === 0) {
      sendJson(res, ReadinessSchema, { status: "ready", checks });
      return;
    }
    const problem = NotReadyProblemSchema.parse({
      type: "urn:ihc:problem:not_ready",
      title: "Not ready",
      status: 503,
      code: "not_ready",
      detail: `Not reachable: ${missing.map((check) => `${check.name} (${check.detail ?? "failed"})`).join("; ")}`,
      requestId: requestIdOf(req),
      checks,
    });
    res.status(503).type(PROBLEM_CONTENT_TYPE).json(problem);
  });
