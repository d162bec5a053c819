import {
  api,
  type ActionRecord,
  type RevokeAllAppLicensesRequest,
  type RevokeDeviceLicenseRequest,
  type RevokeLicensesBulkRequest,
  type RevokeUserLicenseRequest,
} from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addTargetAction } from "../../../lib/api/get-target-actions";
import { apiRequest } from "../../../lib/api-client";
import { appKeys } from "../../../lib/query-keys";

/** One app revoke as a dialog sends it: which route, its body, the dialog's Idempotency-Key. */
export type AppRevokeInput = { appId: string; idempotencyKey: string } & (
  | { kind: "user"; body: RevokeUserLicenseRequest }
  | { kind: "device"; body: RevokeDeviceLicenseRequest }
  | { kind: "all"; body: RevokeAllAppLicensesRequest }
  | { kind: "bulk"; body: RevokeLicensesBulkRequest }
);

/** POSTs one of the app's revoke routes: 202 with the journal's record. */
export function revokeAppLicenses(input: AppRevokeInput): Promise<ActionRecord> {
  const params = { id: input.appId };
  const { idempotencyKey } = input;
  switch (input.kind) {
    case "user":
      return apiRequest(api.revokeUserLicense, { params, body: input.body, idempotencyKey });
    case "device":
      return apiRequest(api.revokeDeviceLicense, { params, body: input.body, idempotencyKey });
    case "all":
      return apiRequest(api.revokeAllAppLicenses, { params, body: input.body, idempotencyKey });
    case "bulk":
      return apiRequest(api.revokeAppLicensesBulk, { params, body: input.body, idempotencyKey });
  }
}

export function useRevokeAppLicenses() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeAppLicenses,
    onSuccess: (record, { appId }) => {
      addTargetAction(client, record);
      // Graph lists the revoke on the app at once; events then keep the page live.
      void client.invalidateQueries({ queryKey: appKeys.detail(appId) });
    },
  });
}
