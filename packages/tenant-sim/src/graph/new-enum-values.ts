import { androidDeviceOwnerProfileSeeds } from "../seed/enrollment-profile-catalog.js";
import { vppTokenSeeds } from "../seed/vpp-catalog.js";

/**
 * Graph's enums are evolvable (`unknownEnumValues`): a tenant may answer with members newer than
 * any schema a client was built against. With the `newEnumValues` switch, some entities carry
 * such values, chosen to look like members Intune could add. They are applied as the entity
 * leaves the simulator, so the store's own logic keeps its known states.
 * https://learn.microsoft.com/graph/best-practices-concept#handling-future-members-in-evolvable-enumerations
 */
export const newEnumValues = {
  /** vppToken.state of the externalMdm token. */
  vppTokenState: "revokedByApple",
  /** actionState of a result still pending (token and app revokes). */
  actionState: "queued",
  /** actionFailureReason in place of appleFailure. */
  actionFailureReason: "appleServiceThrottled",
  /** enrollmentMode of the AOSP userless profile (meetingHeadsets). */
  enrollmentMode: "corporateOwnedAOSPSharedDevice",
  /** complianceState of managed devices whose id ends in 7. */
  complianceState: "pendingEvaluation",
  /** managementState of managed devices whose id ends in b (while managed). */
  managementState: "managedPendingCheckIn",
} as const;

type Entity = Record<string, unknown>;

function actionResult(result: unknown): unknown {
  if (typeof result !== "object" || result === null) return result;
  const r = { ...(result as Entity) };
  if (r.actionState === "pending") r.actionState = newEnumValues.actionState;
  if (r.actionFailureReason === "appleFailure") {
    r.actionFailureReason = newEnumValues.actionFailureReason;
  }
  return r;
}

function results(entity: Entity, property: string): void {
  const list = entity[property];
  if (Array.isArray(list)) entity[property] = list.map(actionResult);
}

export function vppTokenWithNewEnumValues(entity: Entity): Entity {
  const out = { ...entity };
  if (out.id === vppTokenSeeds.externalMdm.id && "state" in out) {
    out.state = newEnumValues.vppTokenState;
  }
  results(out, "tokenActionResults");
  return out;
}

export function mobileAppWithNewEnumValues(entity: Entity): Entity {
  const out = { ...entity };
  results(out, "revokeLicenseActionResults");
  return out;
}

export function enrollmentProfileWithNewEnumValues(entity: Entity): Entity {
  if (entity.id !== androidDeviceOwnerProfileSeeds.meetingHeadsets.id) return entity;
  if (!("enrollmentMode" in entity)) return entity;
  return { ...entity, enrollmentMode: newEnumValues.enrollmentMode };
}

export function managedDeviceWithNewEnumValues(entity: Entity): Entity {
  const id = typeof entity.id === "string" ? entity.id : "";
  const out = { ...entity };
  if (id.endsWith("7") && "complianceState" in out) {
    out.complianceState = newEnumValues.complianceState;
  }
  if (id.endsWith("b") && out.managementState === "managed") {
    out.managementState = newEnumValues.managementState;
  }
  results(out, "deviceActionResults");
  return out;
}
