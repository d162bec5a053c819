import { z } from "zod";
import { ProblemSchema } from "./problem.js";

/** One dependency the BFF needs to serve requests, as `GET /api/ready` found it. */
export const ReadinessCheckSchema = z.object({
  /** `store`, `oidcMetadata`, `redis`, … */
  name: z.string(),
  ok: z.boolean(),
  /** Why the check failed; never a secret (no connection strings). */
  detail: z.string().optional(),
  durationMs: z.number(),
});
export type ReadinessCheck = z.infer<typeof ReadinessCheckSchema>;

/** `GET /api/ready` 200: every dependency answered. */
export const ReadinessSchema = z.object({
  status: z.literal("ready"),
  checks: z.array(ReadinessCheckSchema),
});
export type Readiness = z.infer<typeof ReadinessSchema>;

/** `GET /api/ready` 503: a problem that lists every check, the failed ones with `detail`. */
export const NotReadyProblemSchema = ProblemSchema.extend({
  code: z.literal("not_ready"),
  checks: z.array(ReadinessCheckSchema),
});
export type NotReadyProblem = z.infer<typeof NotReadyProblemSchema>;
