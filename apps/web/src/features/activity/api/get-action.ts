import { api, type ActionRecord } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { actionKeys } from "../../../lib/query-keys";

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

export function useAction(id: string): ActionRecord {
  return useSuspenseQuery(actionQueryOptions(id)).data;
}
