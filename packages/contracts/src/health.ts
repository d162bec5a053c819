import { z } from "zod";

export const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  /** `simulator` when the tenant is the bundled simulator, `entra` otherwise. */
  tenant: z.enum(["simulator", "entra"]),
  uptimeSeconds: z.number(),
});
export type Health = z.infer<typeof HealthSchema>;
