import {
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowRepeatAll20Regular,
  ArrowSync16Regular,
  CheckmarkCircle16Regular,
  Clock16Regular,
  ErrorCircle16Regular,
  QuestionCircle16Regular,
} from "@fluentui/react-icons";
import type { ActionRecord, BulkItem, BulkItemState } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { ActionProgressDisplay } from "../../../components/action-progress";
import { BulkFailures } from "../../../components/bulk-failures";
import { bulkProgressOf, problemItemsOf } from "../../../components/bulk-progress";
import { useBadgeStyles } from "../../../components/badge-styles";
import type { Look } from "../../../components/device-state-badges";
import { RelativeTime } from "../../../components/relative-time";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  text: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    maxHeight: "360px",
    overflowY: "auto",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) max-content",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    ":not(:last-child)": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  rowText: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
});

const looks: Record<BulkItemState, Look> = {
  queued: { color: "subtle", icon: <Clock16Regular /> },
  sent: { color: "warning", icon: <ArrowSync16Regular /> },
  succeeded: { color: "success", icon: <CheckmarkCircle16Regular /> },
  failed: { color: "danger", icon: <ErrorCircle16Regular /> },
  unknown: { color: "informative", icon: <QuestionCircle16Regular /> },
};

const isRetire = (item: BulkItem) => item.operation === "retire";

/** Whose words count the items: a retire of selected devices counts devices (ADR 0031). */
const wordsOf = (kind: ActionRecord["kind"]) =>
  kind === "user.retire-selected-devices" ? "users.retireSelected" : "users.offboard";

export interface OffboardingProgressProps {
  action: ActionRecord;
  /** Whether this agent may start a new one ("Retry failed"). */
  mayRetry: boolean;
  /** "Retry failed": a new offboarding of the same user (it lists only what is still there). */
  onRetry: () => void;
}

/**
 * An offboarding (or revoke of all a user's licenses, or a retire of selected devices), live
 * from the journal's record: N of M,
 * each device retire and license revoke with its state, what failed and why, "Retry failed".
 */
export function OffboardingProgress({ action, mayRetry, onRetry }: OffboardingProgressProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const badge = useBadgeStyles();
  const { status, progress } = bulkProgressOf(action);
  const items = action.items ?? [];
  const problems = problemItemsOf(action);
  const finished = action.completedAt !== undefined;
  const words = wordsOf(action.kind);
  const describe = (item: BulkItem) =>
    isRetire(item)
      ? { who: item.label ?? item.id, what: t("users.offboard.item.retire") }
      : {
          who: item.appName ?? item.appId ?? "—",
          what:
            item.kind === "user"
              ? t("users.offboard.item.userLicense")
              : t("users.offboard.item.deviceLicense", { device: item.label ?? item.id }),
        };

  return (
    <div className={styles.root} data-action-id={action.id}>
      <Caption1 className={styles.muted}>
        {action.actor.displayName} · <RelativeTime value={action.createdAt} live />
      </Caption1>
      <ActionProgressDisplay
        status={status}
        progress={progress}
        label={t(`${words}.barLabel`)}
        finishedAt={action.completedAt}
        kind={action.kind}
      />
      <ul className={styles.list} aria-label={t(`${words}.itemsLabel`)}>
        {items.map((item) => {
          const { who, what } = describe(item);
          const look = looks[item.state];
          return (
            <li key={item.key} className={styles.row} data-item-key={item.key}>
              <span className={styles.rowText}>
                <Body1>{who}</Body1>
                <Caption1 className={styles.muted}>{what}</Caption1>
              </span>
              <Badge
                className={badge.wrap}
                appearance="tint"
                shape="rounded"
                color={look.color}
                icon={look.icon}
                data-state={item.state}
              >
                {t(
                  `users.offboard.itemState.${isRetire(item) ? "retire" : "revoke"}.${item.state}`,
                )}
              </Badge>
            </li>
          );
        })}
      </ul>
      {problems.length === 0 ? null : (
        <>
          <Body1Strong as="p" className={styles.text}>
            {t(`${words}.problems`, { count: problems.length, problems: problems.length })}
          </Body1Strong>
          <BulkFailures items={problems} label={t(`${words}.failuresLabel`)} describe={describe} />
          {mayRetry && finished ? (
            <div>
              <Button icon={<ArrowRepeatAll20Regular />} onClick={onRetry}>
                {t("users.offboard.retry")}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
