import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  Subtitle2,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ArrowRepeatAll20Regular } from "@fluentui/react-icons";
import type { ActionRecord } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { ActionOutcome } from "../../../components/action-outcome";
import { ActionProgressDisplay } from "../../../components/action-progress";
import { subjectLabels } from "../../../components/action-subjects";
import { RelativeTime } from "../../../components/relative-time";
import { actionStatusOf } from "../../../lib/action-status";
import { BulkFailures } from "../../../components/bulk-failures";
import { bulkProgressOf, problemItemsOf } from "../../../components/bulk-progress";
import { retryChoicesOf } from "./bulk-progress";
import type { LicenseChoice } from "./license-choice";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    alignItems: "baseline",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
  },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  text: { margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface AppActionCardProps {
  action: ActionRecord;
  /** What the agent saw of the single license when they revoked it (UPN, device name). */
  subject?: string | undefined;
  mayAct: boolean;
  onRetry: (choices: LicenseChoice[]) => void;
}

/**
 * One revoke on the app, live: a single license's or all licenses' progress as Graph reports it,
 * or a bulk run's N of M and its failures (each readable, retryable as a new action).
 */
export function AppActionCard({ action, subject, mayAct, onRetry }: AppActionCardProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId("app-action");
  const bulk = action.kind === "app.revoke-licenses-bulk";
  const kind = appKindOf(action);
  const notified = action.parameters.notifyManagedDevices === true;
  const problems = bulk ? problemItemsOf(action) : [];
  const retry = bulk ? retryChoicesOf(action) : [];
  // The journal names the license (issue #12, 1); what the agent saw is only a fallback.
  const named = bulk ? subject : (subjectLabels(action)[0] ?? subject);
  const { status, progress } = bulk
    ? bulkProgressOf(action)
    : {
        status: actionStatusOf(action),
        progress: action.progress ?? {
          actionState: "none" as const,
          attemptedCount: 0,
          failedCount: 0,
        },
      };

  return (
    <section className={styles.root} aria-labelledby={headingId} data-action-id={action.id}>
      <div className={styles.header}>
        <Subtitle2 as="h3" id={headingId} className={styles.heading}>
          {t(`actionKinds.app.${kind}`)}
          {named === undefined ? "" : `: ${named}`}
        </Subtitle2>
        <Caption1 className={styles.muted}>
          {action.actor.displayName} · <RelativeTime value={action.createdAt} live />
        </Caption1>
      </div>
      {action.state === "failed" && !bulk ? null : (
        <ActionProgressDisplay
          status={status}
          progress={progress}
          label={t("apps.progress.barLabel")}
          finishedAt={action.completedAt}
        />
      )}
      <Caption1 as="p" className={styles.muted}>
        {notified ? t("apps.progress.notified") : t("apps.progress.notNotified")}
      </Caption1>
      {bulk ? (
        problems.length === 0 ? null : (
          <>
            <Body1 as="p" className={styles.text}>
              {t("apps.bulk.problems", { count: problems.length, problems: problems.length })}
            </Body1>
            <BulkFailures items={problems} label={t("apps.bulk.failuresLabel")} />
            {mayAct && retry.length > 0 ? (
              <div className={styles.actions}>
                <Button
                  icon={<ArrowRepeatAll20Regular />}
                  onClick={() => {
                    onRetry(retry);
                  }}
                >
                  {t("apps.bulk.retry", { count: retry.length, licenses: retry.length })}
                </Button>
              </div>
            ) : null}
          </>
        )
      ) : action.state === "succeeded" ? null : (
        // Who asked, Graph's answer and the request ids matter when it did not simply work.
        <ActionOutcome action={action} />
      )}
    </section>
  );
}

type AppKind =
  "revoke-user-license" | "revoke-device-license" | "revoke-all-licenses" | "revoke-licenses-bulk";
const appKindOf = (action: ActionRecord): AppKind => {
  switch (action.kind) {
    case "app.revoke-user-license":
      return "revoke-user-license";
    case "app.revoke-device-license":
      return "revoke-device-license";
    case "app.revoke-all-licenses":
      return "revoke-all-licenses";
    default:
      return "revoke-licenses-bulk";
  }
};
