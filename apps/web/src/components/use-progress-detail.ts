import { revokeCountsOf, type ActionProgress } from "@ihc/contracts";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ActionStatus } from "../lib/action-status";
import { formatNumber } from "../lib/format";
import { graphEnumLabel } from "../lib/graph-enum-label";
import { currentLanguage, type Language } from "../lib/i18n";

/**
 * What an action's counts count, by its kind: a retire's items are devices, every other kind
 * with progress counts licenses, an offboarding counts items. "5 licenses revoked" on a retire was not true.
 */
export type OutcomeNoun = "licenses" | "devices" | "items";

/** An offboarding's items are devices and licenses (ADR 0030): counted as items. */
export const outcomeNounOf = (kind: string | undefined): OutcomeNoun =>
  kind === "user.retire-all-devices" || kind === "user.retire-selected-devices"
    ? "devices"
    : kind === "user.offboard"
      ? "items"
      : "licenses";

/**
 * What a status badge alone does not say, for the line beside or below it: "12 of 40 so far",
 * "2 of 40 licenses failed", "5 devices retired", "Because the VPP token has expired", "Not
 * carried out"; nothing when the badge says it all.
 */
export function describeProgress(
  t: TFunction,
  language: Language,
  kind: string | undefined,
  status: ActionStatus,
  progress: ActionProgress | undefined,
): string | undefined {
  // "Failed" alone could be read as "failed half-way": say Graph never did it.
  if (status === "refused") return t("progress.detail.refused");
  if (!progress) return undefined;
  const n = (value: number) => formatNumber(value, language);
  const { attempted, failed, total } = revokeCountsOf(progress);
  const noun = outcomeNounOf(kind);
  switch (status) {
    case "inProgress":
      return total === undefined
        ? t("progress.detail.running", { attempted: n(attempted) })
        : t("progress.detail.runningOf", { attempted: n(attempted), total: n(total) });
    case "done":
      return failed > 0
        ? t(`progress.detail.${noun}.doneWithFailures`, {
            failed: n(failed),
            attempted: n(attempted),
          })
        : t(`progress.detail.${noun}.done`, { count: attempted, attempted: n(attempted) });
    case "failed":
      return t("progress.detail.failedBecause", {
        reason: graphEnumLabel(
          t,
          progress,
          "actionFailureReason",
          t(`failureReasons.${progress.failureReason ?? "none"}.short`),
        ),
      });
    default:
      return undefined;
  }
}

export function useProgressDetail(): (
  status: ActionStatus,
  progress: ActionProgress | undefined,
  kind?: string,
) => string | undefined {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (status, progress, kind) => describeProgress(t, language, kind, status, progress);
}
