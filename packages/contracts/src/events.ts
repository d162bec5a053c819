import { z } from "zod";
import { ActionRecordSchema } from "./actions.js";
import { VppTokenActionResultSchema } from "./vpp-tokens.js";

/**
 * What `GET /api/events` streams (Server-Sent Events, read with fetch so it can carry the
 * bearer token). Each event has an increasing `id`; a reconnect sends `Last-Event-ID`.
 */
export const ConsoleEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("action"), action: ActionRecordSchema }),
  z.object({
    type: z.literal("vpp-token-progress"),
    vppTokenId: z.string(),
    result: VppTokenActionResultSchema,
  }),
  z.object({ type: z.literal("heartbeat"), at: z.string() }),
]);
export type ConsoleEvent = z.infer<typeof ConsoleEventSchema>;
