import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { VppToken } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { RelativeTime } from "../../../components/relative-time";
import { graphEnumLabel, hasUnrecognized } from "../../../lib/graph-enum-label";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column" },
  failed: { color: tokens.colorStatusDangerForeground3 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** "3 hours ago" and how that sync ended. */
export function LastSyncCell({ token }: { token: VppToken }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const status = token.lastSyncStatus ?? "none";
  return (
    <span className={styles.root}>
      {token.lastSyncDateTime === undefined ? (
        <span>{t("vppTokens.sync.never")}</span>
      ) : (
        <RelativeTime value={token.lastSyncDateTime} />
      )}
      {token.lastSyncDateTime === undefined &&
      status === "none" &&
      !hasUnrecognized(token, "lastSyncStatus") ? null : (
        <Caption1 className={status === "failed" ? styles.failed : styles.muted}>
          {graphEnumLabel(t, token, "lastSyncStatus", t(`vppTokens.sync.${status}`))}
        </Caption1>
      )}
    </span>
  );
}
