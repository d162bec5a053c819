import { Body1, Caption1, makeStyles, Subtitle2, tokens, useId } from "@fluentui/react-components";
import type { VppToken } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { ActionOutcome } from "../../../components/action-outcome";
import { ActionProgressDisplay } from "../../../components/action-progress";
import { RelativeTime } from "../../../components/relative-time";
import { useTargetActions } from "../../../lib/api/get-target-actions";
import { latestRevokeOf } from "../hooks/latest-revoke";

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
  options: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * The token's latest revoke, live: the journal's record (who, why, ids, the total before) and
 * Graph's progress, kept current by the event stream. Shows the same after a reload and in a
 * second tab, because it reads the journal and the token rather than anything this tab did.
 */
export function RevokeProgressPanel({ token }: { token: VppToken }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId("revoke-progress");
  const { items } = useTargetActions({ type: "vppToken", id: token.id });
  const latest = latestRevokeOf(token, items);
  if (!latest) return null;
  const { action } = latest;
  const options = action
    ? [
        action.parameters.notifyManagedDevices === true
          ? t("vppTokens.progress.notified")
          : t("vppTokens.progress.notNotified"),
        action.parameters.revokeUntrackedLicenses === true
          ? t("vppTokens.progress.untracked")
          : t("vppTokens.progress.trackedOnly"),
      ].join(" · ")
    : undefined;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          {t("vppTokens.progress.label")}
        </Subtitle2>
        {latest.progress.startDateTime === undefined ? null : (
          <Caption1 className={styles.muted}>
            {t("vppTokens.progress.started")}{" "}
            <RelativeTime value={latest.progress.startDateTime} live />
          </Caption1>
        )}
      </div>
      {action ? null : (
        <Body1 as="p" className={styles.options}>
          {t("vppTokens.progress.fromGraphOnly")}
        </Body1>
      )}
      <ActionProgressDisplay
        status={latest.status}
        progress={latest.progress}
        label={t("vppTokens.progress.barLabel")}
        finishedAt={latest.finishedAt}
      />
      {options === undefined ? null : (
        <Caption1 as="p" className={styles.options}>
          {options}
        </Caption1>
      )}
      {action ? <ActionOutcome action={action} /> : null}
    </section>
  );
}
