import { api, type ActionRecord, type RevokeVppLicensesRequest } from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTargetAction } from "../../../lib/api/get-target-actions";
import { apiRequest } from "../../../lib/api-client";
import { vppTokenQueryOptions } from "./get-vpp-token";
import { vppTokensQueryOptions } from "./get-vpp-tokens";

export interface RevokeVppLicensesInput {
  tokenId: string;
  body: RevokeVppLicensesRequest;
  idempotencyKey: string;
}

/** POST /api/vpp-tokens/:id/revoke-licenses: 202 with the journal's record of the revoke. */
export function revokeVppLicenses({
  tokenId,
  body,
  idempotencyKey,
}: RevokeVppLicensesInput): Promise<ActionRecord> {
  return apiRequest(api.revokeVppLicenses, { params: { id: tokenId }, body, idempotencyKey });
}

export function useRevokeVppLicenses() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeVppLicenses,
    onSuccess: (record, { tokenId }) => {
      addTargetAction(client, record);
      // Graph lists the new revoke on the token at once; the event stream then keeps it live.
      void client.invalidateQueries({ queryKey: vppTokenQueryOptions(tokenId).queryKey });
      void client.invalidateQueries({ queryKey: vppTokensQueryOptions().queryKey });
    },
  });
}
