import { z } from "zod";
import { BulkItemSchema } from "./actions.js";
import { ActionRecordSchema, ActionRecordWithoutItemsSchema } from "./actions/action-record.js";
import { VppTokenActionResultSchema } from "./vpp-tokens.js";

/**
 * What `GET /api/events` streams (Server-Sent Events, read with fetch so it can carry the
 * bearer token). Each event has an increasing `id`; a reconnect sends `Last-Event-ID`.
 */
export const ConsoleEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("action"), action: ActionRecordSchema }),
  /**
   * A change to a record of many items (a bulk revoke, a retire): the record without its items
   * and subjects, and only the items that changed. Whole records of 1,000 items (and 1,000
   * subjects) on every step would cost each stream megabytes; a client merges these into the
   * record it holds (items by key, its subjects kept).
   */
  z.object({
    type: z.literal("action-items"),
    action: ActionRecordWithoutItemsSchema,
    items: z.array(BulkItemSchema),
  }),
  z.object({
    type: z.literal("vpp-token-progress"),
    vppTokenId: z.string(),
    result: VppTokenActionResultSchema,
  }),
  z.object({ type: z.literal("heartbeat"), at: z.string() }),
]);
export type ConsoleEvent = z.infer<typeof ConsoleEventSchema>;
