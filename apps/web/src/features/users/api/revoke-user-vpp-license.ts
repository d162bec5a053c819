import { api, type ActionRecord, type UserVppLicense } from "@ihc/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { userKeys } from "../../../lib/query-keys";

export interface RevokeUserVppLicenseInput {
  userId: string;
  license: UserVppLicense;
  notifyManagedDevices: boolean;
  reason: string | undefined;
  idempotencyKey: string;
}

/**
 * One of the user's licenses, through the app's routes: a user license by the user's id, a
 * device license by the device's id.
 */
export function revokeUserVppLicense({
  userId,
  license,
  notifyManagedDevices,
  reason,
  idempotencyKey,
}: RevokeUserVppLicenseInput): Promise<ActionRecord> {
  const params = { id: license.appId };
  const extra = reason === undefined ? {} : { reason };
  if (license.kind === "device" && license.managedDeviceId !== undefined) {
    return apiRequest(api.revokeDeviceLicense, {
      params,
      body: { managedDeviceId: license.managedDeviceId, notifyManagedDevices, ...extra },
      idempotencyKey,
    });
  }
  return apiRequest(api.revokeUserLicense, {
    params,
    body: { userId, notifyManagedDevices, ...extra },
    idempotencyKey,
  });
}

export function useRevokeUserVppLicense() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeUserVppLicense,
    onSuccess: (_record, { userId }) => {
      void client.invalidateQueries({ queryKey: userKeys.vppLicenses(userId) });
    },
  });
}
