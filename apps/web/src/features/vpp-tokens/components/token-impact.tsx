import {
  Body1,
  Body1Strong,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { VppTokenImpact } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  numberHeader: { justifyContent: "flex-end" },
});

/** What a revoke would take back: the token's apps, most licenses in use first. */
export function TokenImpact({ impact }: { impact: VppTokenImpact }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const n = (value: number) => formatNumber(value, language);
  const apps = [...impact.apps].sort(
    (a, b) => b.usedLicenseCount - a.usedLicenseCount || a.displayName.localeCompare(b.displayName),
  );
  return (
    <div className={styles.root}>
      <Body1Strong as="p" className={styles.text}>
        {t("vppTokens.impact.summary", {
          count: impact.licensesInUse,
          licenses: n(impact.licensesInUse),
          apps: t("vppTokens.impact.acrossApps", { count: apps.length, apps: n(apps.length) }),
        })}
      </Body1Strong>
      {apps.length === 0 ? (
        <Body1 as="p" className={styles.text}>
          {t("vppTokens.impact.noApps")}
        </Body1>
      ) : (
        <Table size="small" className={styles.table} aria-label={t("vppTokens.impact.tableLabel")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("vppTokens.impact.app")}</TableHeaderCell>
              <TableHeaderCell
                style={{ width: "8rem" }}
                button={{ className: styles.numberHeader }}
              >
                {t("vppTokens.impact.inUse")}
              </TableHeaderCell>
              <TableHeaderCell
                style={{ width: "8rem" }}
                button={{ className: styles.numberHeader }}
              >
                {t("vppTokens.impact.purchased")}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {apps.map((app) => (
              <TableRow key={app.id}>
                <TableCell>{app.displayName}</TableCell>
                <TableCell className={styles.number}>{n(app.usedLicenseCount)}</TableCell>
                <TableCell className={styles.number}>{n(app.totalLicenseCount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
