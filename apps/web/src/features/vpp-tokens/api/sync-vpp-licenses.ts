import { api, type ActionRecord, type SyncVppLicensesRequest } from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTargetAction } from "../../../lib/api/get-target-actions";
import { apiRequest } from "../../../lib/api-client";
import { vppTokenQueryOptions } from "./get-vpp-token";
import { vppTokensQueryOptions } from "./get-vpp-tokens";

export interface SyncVppLicensesInput {
  tokenId: string;
  body: SyncVppLicensesRequest;
  idempotencyKey: string;
}

/** POST /api/vpp-tokens/:id/sync-licenses: 202 with the journal's record of the sync. */
export function syncVppLicenses({
  tokenId,
  body,
  idempotencyKey,
}: SyncVppLicensesInput): Promise<ActionRecord> {
  return apiRequest(api.syncVppLicenses, { params: { id: tokenId }, body, idempotencyKey });
}

export function useSyncVppLicenses() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: syncVppLicenses,
    onSuccess: (record, { tokenId }) => {
      addTargetAction(client, record);
      // The token's sync status changes at once ("in progress").
      void client.invalidateQueries({ queryKey: vppTokenQueryOptions(tokenId).queryKey });
      void client.invalidateQueries({ queryKey: vppTokensQueryOptions().queryKey });
    },
  });
}
