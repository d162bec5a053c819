import type { ActionProgress } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import type { ActionStatus } from "../lib/action-status";
import { formatNumber } from "../lib/format";
import { currentLanguage } from "../lib/i18n";

/**
 * What a status badge alone does not say, for the line beside or below it: "12 of 40 so far",
 * "2 of 40 failed", "Because the VPP token has expired", "Not carried out"; nothing when the
 * badge says it all.
 */
export function useProgressDetail(): (
  status: ActionStatus,
  progress: ActionProgress | undefined,
) => string | undefined {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (status, progress) => {
    // "Failed" alone could be read as "failed half-way": say Graph never did it.
    if (status === "refused") return t("progress.detail.refused");
    if (!progress) return undefined;
    const n = (value: number) => formatNumber(value, language);
    const { attemptedCount, failedCount, totalBefore } = progress;
    switch (status) {
      case "inProgress":
        return totalBefore === undefined
          ? t("progress.detail.running", { attempted: n(attemptedCount) })
          : t("progress.detail.runningOf", { attempted: n(attemptedCount), total: n(totalBefore) });
      case "done":
        return failedCount > 0
          ? t("progress.detail.doneWithFailures", {
              failed: n(failedCount),
              attempted: n(attemptedCount),
            })
          : t("progress.detail.done", { count: attemptedCount, attempted: n(attemptedCount) });
      case "failed":
        return t("progress.detail.failedBecause", {
          reason: t(`failureReasons.${progress.failureReason ?? "none"}.short`),
        });
      default:
        return undefined;
    }
  };
}
