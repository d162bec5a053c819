import {
  Body1,
  Body1Strong,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { revokeCountsOf, type ActionProgress } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { isFinal, type ActionStatus } from "../lib/action-status";
import { formatNumber } from "../lib/format";
import { graphEnumLabel } from "../lib/graph-enum-label";
import { currentLanguage } from "../lib/i18n";
import { ActionStatusBadge } from "./action-status-badge";
import { ElapsedTime } from "./elapsed-time";
import { outcomeNounOf, useProgressDetail } from "./use-progress-detail";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  status: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
  },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
  },
  failed: { color: tokens.colorStatusDangerForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Statuses in which Graph has not said how far it got: the bar moves without a value. */
const waiting: ReadonlySet<ActionStatus> = new Set([
  "recorded",
  "sending",
  "pending",
  "unconfirmed",
]);

export interface ActionProgressDisplayProps {
  status: ActionStatus;
  progress: ActionProgress;
  /** What the bar measures, for screen readers (e.g. "Licenses revoked"). */
  label: string;
  /** When the action ended, if it did (stops the elapsed time). */
  finishedAt?: string | undefined;
  /** The action's kind: what its counts count (`outcomeNounOf`); licenses when absent. */
  kind?: string | undefined;
}

/**
 * A long-running action as Graph reports it: its status in words (announced politely when it
 * changes), a bar of attempted against the total before it started, the counts, why it failed
 * in plain words, and how long it has run.
 */
export function ActionProgressDisplay({
  status,
  progress,
  label,
  finishedAt,
  kind,
}: ActionProgressDisplayProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const describe = useProgressDetail();
  const n = (value: number) => formatNumber(value, language);
  const final = isFinal(status);
  const outcome = final ? describe(status, progress, kind) : undefined;
  // Offboarding counts items, a retire of selected devices devices, the rest licenses.
  const noun = outcomeNounOf(kind);
  const countKey =
    noun === "items" ? "itemsAttempted" : noun === "devices" ? "devicesAttempted" : "attempted";
  // Counts that add up: never more attempted than out of (untracked licenses are told apart).
  const {
    attempted: attemptedCount,
    failed: failedCount,
    total,
    untracked,
  } = revokeCountsOf(progress);

  const value = waiting.has(status)
    ? undefined
    : total !== undefined && total > 0
      ? Math.min(attemptedCount / total, 1)
      : final
        ? 1
        : undefined;
  const counts =
    total === undefined
      ? t(`progress.${countKey}`, {
          count: attemptedCount,
          attempted: n(attemptedCount),
        })
      : t(`progress.${countKey}Of`, {
          count: total,
          attempted: n(attemptedCount),
          total: n(total),
        });
  const start = progress.startDateTime;
  const end = final ? (finishedAt ?? progress.lastUpdatedDateTime) : undefined;

  return (
    <div className={styles.root}>
      {/* The status and, once it ends, the outcome: read out when they change, not every count. */}
      <div className={styles.status} aria-live="polite" aria-atomic="true">
        <ActionStatusBadge
          status={status}
          failedCount={failedCount}
          size="large"
          progress={progress}
        />
        {outcome === undefined ? null : <Body1Strong>{outcome}</Body1Strong>}
      </div>
      <ProgressBar
        thickness="large"
        shape="rounded"
        {...(value === undefined ? {} : { value })}
        max={1}
        color={
          status === "failed" || status === "refused"
            ? "error"
            : status === "unwatched" || (status === "done" && failedCount > 0)
              ? "warning"
              : status === "done"
                ? "success"
                : "brand"
        }
        aria-label={label}
        aria-valuetext={value === undefined ? t(`actionStatus.${status}`) : counts}
      />
      <div className={styles.counts}>
        <Body1>{counts}</Body1>
        {untracked > 0 ? (
          <Body1 className={styles.muted}>
            {t("progress.untracked", { count: untracked, untracked: n(untracked) })}
          </Body1>
        ) : null}
        {failedCount > 0 ? (
          <Body1 className={styles.failed}>
            {t("progress.failed", { failed: n(failedCount) })}
          </Body1>
        ) : null}
        {start === undefined ? null : (
          <Caption1 className={styles.muted}>
            <ElapsedTime since={start} until={end} />
          </Caption1>
        )}
      </div>
      {status === "failed" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("progress.whyFailed")}</MessageBarTitle>
            {graphEnumLabel(
              t,
              progress,
              "actionFailureReason",
              t(`failureReasons.${progress.failureReason ?? "none"}.long`),
            )}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {status === "unwatched" ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("progress.unwatched")}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
