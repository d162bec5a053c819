import { api, type ActionRecord } from "@ihc/contracts";
import { apiRequest } from "../../../lib/api-client";
import { useOffboardingMutation, type OffboardingInput } from "./offboard-user";

/** POST /api/users/:id/revoke-all-licenses (ADR 0030): 202 with the journal's record. */
export function revokeAllUserLicenses({
  userId,
  body,
  idempotencyKey,
}: OffboardingInput): Promise<ActionRecord> {
  return apiRequest(api.revokeAllUserLicenses, { params: { id: userId }, body, idempotencyKey });
}

export function useRevokeAllUserLicenses() {
  return useOffboardingMutation(revokeAllUserLicenses);
}
