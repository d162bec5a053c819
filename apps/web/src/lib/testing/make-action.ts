import type { ActionRecord } from "@ihc/contracts";

export const TOKEN_ID = "b3a1e7c2-4d5f-4a6b-9c8d-1e2f3a4b5c01";

/** A VPP token revoke record for tests, with whatever a test changes. */
export function makeAction(overrides: Partial<ActionRecord> = {}): ActionRecord {
  return {
    id: "7faebfa3-4cdd-4d92-9725-f202efdb624f",
    kind: "vpp-token.revoke-licenses",
    idempotencyKey: "aa244cd1-ac76-473a-94ab-74390b3067be",
    actor: { oid: "o", userPrincipalName: "adele@contoso", displayName: "Adele Vance" },
    target: { type: "vppToken", id: TOKEN_ID, displayName: "Contoso Business VPP" },
    parameters: {},
    state: "succeeded",
    progress: { actionState: "none", attemptedCount: 0, failedCount: 0, totalBefore: 40 },
    createdAt: "2026-11-23T10:00:00.000Z",
    updatedAt: "2026-11-23T10:00:01.000Z",
    ...overrides,
  } as ActionRecord;
}
