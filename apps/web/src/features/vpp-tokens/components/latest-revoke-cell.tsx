import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { VppToken } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { ActionStatusBadge } from "../../../components/action-status-badge";
import { useProgressDetail } from "../../../components/use-progress-detail";
import { useLatestRevoke } from "../hooks/use-latest-revoke";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The compact progress panel of a list row: "Revoking… 12 of 40", "Done · 2 failed". */
export function LatestRevokeCell({ token }: { token: VppToken }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const describe = useProgressDetail();
  const latest = useLatestRevoke(token);
  if (!latest) return <Caption1 className={styles.muted}>{t("vppTokens.noRevoke")}</Caption1>;
  const detail = describe(latest.status, latest.progress);
  return (
    <span className={styles.root}>
      <ActionStatusBadge
        status={latest.status}
        failedCount={latest.progress.failedCount}
        size="small"
        progress={latest.progress}
      />
      {detail === undefined ? null : <Caption1>{detail}</Caption1>}
    </span>
  );
}
