import { z } from "zod";

/**
 * One fault profile for Graph paths, in the spirit of Dev Proxy's per-URL rules. `path` is a
 * RegExp source matched against the request path without its query string.
 */
export const FaultRuleSchema = z
  .strictObject({
    method: z.string().min(1).max(10).optional(),
    path: z
      .string()
      .min(1)
      .max(500)
      .refine(isRegExpSource, { message: "path must be a valid RegExp source" }),
    kind: z.enum(["status", "latency", "drop", "throttle"]),
    status: z.int().min(400).max(599).optional(),
    retryAfterSeconds: z.int().min(0).max(3600).optional(),
    latencyMs: z.int().min(0).max(120_000).optional(),
    times: z.int().min(1).optional(),
    /**
     * For "status" and "drop": let Graph act first, then answer with the fault — the response
     * is lost although the request took effect (what a client can never tell from a timeout).
     */
    afterApplying: z.boolean().optional(),
  })
  .refine((rule) => rule.kind !== "status" || rule.status !== undefined, {
    message: 'kind "status" needs a status',
    path: ["status"],
  })
  .refine((rule) => rule.kind !== "latency" || rule.latencyMs !== undefined, {
    message: 'kind "latency" needs latencyMs',
    path: ["latencyMs"],
  });

export type FaultRule = z.infer<typeof FaultRuleSchema>;

export const FaultRulesSchema = z.array(FaultRuleSchema).max(100);

function isRegExpSource(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
