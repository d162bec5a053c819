import type { ActionRecord } from "@ihc/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { getAction } from "./api/get-action";
import { applyConsoleEvent } from "./console-event-cache";
import { actionKeys, targetDataKeys } from "./query-keys";

/**
 * "Check now" on a record whose outcome is being settled: reads the record (GET /api/actions/:id)
 * and feeds it through the same path as an event, so every copy on the page moves together, and
 * reads the target again (its state may already show what the action did).
 */
export async function checkActionNow(client: QueryClient, action: ActionRecord): Promise<void> {
  const fresh = await getAction(action.id);
  applyConsoleEvent(client, { type: "action", action: fresh });
  await Promise.all(
    [actionKeys.byTarget(action.target), ...targetDataKeys(action.target)].map((queryKey) =>
      client.invalidateQueries({ queryKey }),
    ),
  );
}
