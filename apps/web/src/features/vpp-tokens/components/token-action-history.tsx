import {
  Body1,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { progressFromRevokeResult, type VppTokenActionResult } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { ActionStatusBadge } from "../../../components/action-status-badge";
import { RelativeTime } from "../../../components/relative-time";
import { progressStatusOf } from "../../../lib/action-status";
import { formatNumber } from "../../../lib/format";
import { graphEnumLabel, hasUnrecognized } from "../../../lib/graph-enum-label";
import { currentLanguage } from "../../../lib/i18n";

const useStyles = makeStyles({
  scroller: { overflowX: "auto" },
  table: { backgroundColor: tokens.colorNeutralBackground1, minWidth: "760px" },
  text: { margin: 0 },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  number: { fontVariantNumeric: "tabular-nums" },
});

const newestFirst = (a: VppTokenActionResult, b: VppTokenActionResult) =>
  (Date.parse(b.startDateTime ?? "") || 0) - (Date.parse(a.startDateTime ?? "") || 0);

/** Graph's own record of actions on the token (tokenActionResults), newest first. */
export function TokenActionHistory({ results }: { results: readonly VppTokenActionResult[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const n = (value: number) => formatNumber(value, language);
  if (results.length === 0) {
    return (
      <Body1 as="p" className={styles.text}>
        {t("vppTokens.history.empty")}
      </Body1>
    );
  }
  return (
    <div className={styles.scroller}>
      <Table className={styles.table} aria-label={t("vppTokens.history.tableLabel")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("vppTokens.history.action")}</TableHeaderCell>
            <TableHeaderCell>{t("vppTokens.history.status")}</TableHeaderCell>
            <TableHeaderCell>{t("vppTokens.history.attempted")}</TableHeaderCell>
            <TableHeaderCell>{t("vppTokens.history.failed")}</TableHeaderCell>
            <TableHeaderCell>{t("vppTokens.history.reason")}</TableHeaderCell>
            <TableHeaderCell>{t("vppTokens.history.started")}</TableHeaderCell>
            <TableHeaderCell>{t("vppTokens.history.updated")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...results].sort(newestFirst).map((result) => {
            const progress = progressFromRevokeResult(result);
            const status = progressStatusOf(progress);
            return (
              <TableRow key={`${result.actionName}|${result.startDateTime ?? ""}`}>
                <TableCell className={styles.cell}>
                  {/revoke/i.test(result.actionName)
                    ? t("vppTokens.history.revokeLicenses")
                    : result.actionName}
                </TableCell>
                <TableCell className={styles.cell}>
                  <ActionStatusBadge
                    status={status}
                    failedCount={result.failedLicensesCount}
                    size="small"
                    progress={result}
                  />
                </TableCell>
                <TableCell className={styles.cell}>
                  <span className={styles.number}>{n(result.totalLicensesCount)}</span>
                </TableCell>
                <TableCell className={styles.cell}>
                  <span className={styles.number}>{n(result.failedLicensesCount)}</span>
                </TableCell>
                <TableCell className={styles.cell}>
                  {progress.failureReason === undefined &&
                  !hasUnrecognized(result, "actionFailureReason") ? (
                    <Caption1 className={styles.muted}>—</Caption1>
                  ) : (
                    graphEnumLabel(
                      t,
                      result,
                      "actionFailureReason",
                      t(`failureReasons.${progress.failureReason ?? "none"}.short`),
                    )
                  )}
                </TableCell>
                <TableCell className={styles.cell}>
                  {result.startDateTime === undefined ? (
                    "—"
                  ) : (
                    <RelativeTime value={result.startDateTime} showAbsolute />
                  )}
                </TableCell>
                <TableCell className={styles.cell}>
                  {result.lastUpdatedDateTime === undefined ? (
                    "—"
                  ) : (
                    <RelativeTime value={result.lastUpdatedDateTime} showAbsolute />
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
