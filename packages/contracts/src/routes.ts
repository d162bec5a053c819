import { z } from "zod";
import { ClientConfigSchema } from "./client-config.js";
import { HealthSchema } from "./health.js";
import { MeSchema } from "./me.js";
import { defineRoute } from "./route.js";

/** The BFF's API, one entry per route. Resource issues add theirs here. */
export const api = {
  health: defineRoute({ method: "GET", path: "/api/health", responses: { 200: HealthSchema } }),
  clientConfig: defineRoute({
    method: "GET",
    path: "/api/client-config",
    responses: { 200: ClientConfigSchema },
  }),
  me: defineRoute({ method: "GET", path: "/api/me", responses: { 200: MeSchema } }),
} as const;

export const EmptySchema = z.object({}).strict();
