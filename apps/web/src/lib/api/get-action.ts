import { api, type ActionRecord } from "@ihc/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../api-client";
import { actionKeys } from "../query-keys";

/** GET /api/actions/:id: one record (404 when it is someone else's and the agent sees only theirs). */
export function getAction(id: string, signal?: AbortSignal): Promise<ActionRecord> {
  return apiRequest(api.action, { params: { id }, signal });
}

/** The event stream writes each record it receives under this key, so it stays live. */
export function actionQueryOptions(id: string) {
  return queryOptions({
    queryKey: actionKeys.detail(id),
    queryFn: ({ signal }) => getAction(id, signal),
  });
}

/**
 * A record the BFF just answered with, kept current by the event stream (and read again after a
 * reconnect): whichever of the two is newer, so the answer never goes back in time.
 */
export function useLiveAction(accepted: ActionRecord): ActionRecord {
  const { data } = useQuery({ ...actionQueryOptions(accepted.id), initialData: accepted });
  return Date.parse(data.updatedAt) >= Date.parse(accepted.updatedAt) ? data : accepted;
}
