import type { UnrecognizedValues } from "@ihc/contracts";
import type { TFunction } from "i18next";

/** A read model that may carry Graph enum values this build does not know (tolerant-enum.ts). */
export interface WithUnrecognized {
  readonly unrecognized?: UnrecognizedValues | undefined;
}

/**
 * How a badge or cell names a Graph enum: `known` (our words for the value the read model
 * holds) unless Graph sent `property` with a value this build does not know, which is then
 * shown as Graph sent it, "Unknown (revokedByApple)", rather than as its fallback.
 * https://learn.microsoft.com/graph/best-practices-concept#handling-future-members-in-evolvable-enumerations
 */
export function graphEnumLabel(
  t: TFunction,
  model: WithUnrecognized | undefined,
  /** Graph's name of the property (`actionFailureReason`, even where ours is `failureReason`). */
  property: string,
  known: string,
): string {
  const raw = model?.unrecognized?.[property];
  return raw === undefined ? known : unknownValueLabel(t, raw);
}

/** "Unknown (value)": for a value that arrives as a plain string (e.g. `managementState`). */
export function unknownValueLabel(t: TFunction, raw: string): string {
  return t("graphEnum.unknownValue", { value: raw });
}

/** Whether Graph sent `property` with a value this build does not know. */
export function hasUnrecognized(model: WithUnrecognized | undefined, property: string): boolean {
  return model?.unrecognized?.[property] !== undefined;
}
