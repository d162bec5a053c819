import {
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { ActionRecord, ManagedDevice } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { ActionOutcome } from "../../../components/action-outcome";
import { ActionStatusBadge } from "../../../components/action-status-badge";
import { RelativeTime } from "../../../components/relative-time";
import { actionStatusOf } from "../../../lib/action-status";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { deviceRetireRows, type RetireTarget } from "../hooks/retire-progress";
import { OwnershipBadge } from "../../../components/device-state-badges";
import { RetireStateBadge } from "./device-badges";

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
  list: { listStyleType: "none", margin: 0, padding: 0 },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) max-content max-content",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    ":not(:last-child)": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  name: { overflowWrap: "anywhere" },
  status: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
  },
  failed: { color: tokens.colorStatusDangerForeground1 },
});

export interface RetireProgressPanelProps {
  action: ActionRecord;
  /** The devices confirmed in this tab's dialog, if it was this tab. */
  targets: readonly RetireTarget[] | undefined;
  devices: readonly ManagedDevice[];
  /** When `devices` were read (ms since the epoch). */
  devicesReadAt: number;
}

/**
 * The user's latest retire, live: the journal's record (who, why, ids) and Graph's progress from
 * the action's events, and each device as Intune lists it now — retiring, then gone.
 */
export function RetireProgressPanel({
  action,
  targets,
  devices,
  devicesReadAt,
}: RetireProgressPanelProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const headingId = useId("retire-progress");
  const sentAt = Date.parse(action.sentAt ?? action.updatedAt);
  const rows = deviceRetireRows(action, targets, devices, devicesReadAt > sentAt);
  const retired = rows.filter((row) => row.state === "retired").length;
  const failedCount = rows.filter((row) => row.state === "failed").length;
  const allGone = rows.length > 0 && retired === rows.length;
  const status = actionStatusOf(action);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          {t("users.progress.title")}
        </Subtitle2>
        <Caption1 className={styles.muted}>
          {t("users.progress.started")} <RelativeTime value={action.createdAt} live />
        </Caption1>
      </div>
      {allGone ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("users.progress.doneTitle")}</MessageBarTitle>
            {t("users.progress.done", {
              count: rows.length,
              devices: formatNumber(rows.length, language),
            })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.status} aria-live="polite" aria-atomic="true">
        <ActionStatusBadge status={status} failedCount={failedCount} size="large" />
        {rows.length === 0 ? null : (
          <Body1>
            {t("users.progress.count", {
              retired: formatNumber(retired, language),
              total: formatNumber(rows.length, language),
            })}
          </Body1>
        )}
        {failedCount === 0 ? null : (
          <Body1 className={styles.failed}>
            {t("users.progress.failed", {
              count: failedCount,
              failed: formatNumber(failedCount, language),
            })}
          </Body1>
        )}
      </div>
      {rows.length === 0 ? null : (
        <>
          <ProgressBar
            thickness="large"
            shape="rounded"
            value={(retired + failedCount) / rows.length}
            max={1}
            color={failedCount > 0 ? "warning" : allGone ? "success" : "brand"}
            aria-label={t("users.progress.barLabel")}
            aria-valuetext={t("users.progress.count", {
              retired: formatNumber(retired, language),
              total: formatNumber(rows.length, language),
            })}
          />
          <ul className={styles.list} aria-label={t("users.progress.devicesLabel")}>
            {rows.map((row) => (
              <li key={row.id} className={styles.row} data-device-id={row.id}>
                <Body1 className={styles.name}>{row.deviceName}</Body1>
                {row.personal ? (
                  <OwnershipBadge device={{ managedDeviceOwnerType: "personal" }} />
                ) : (
                  <span />
                )}
                <RetireStateBadge state={row.state} />
              </li>
            ))}
          </ul>
        </>
      )}
      <ActionOutcome action={action} />
    </section>
  );
}
