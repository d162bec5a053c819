import { Caption1, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  text: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
});

/** "used of total" as a bar and as words; the bar's value is read out as the same words. */
export function LicenseUsage({ used, total }: { used: number; total: number }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const text = t("apps.usage", {
    count: total,
    used: formatNumber(used, language),
    total: formatNumber(total, language),
  });
  const ratio = total > 0 ? Math.min(used / total, 1) : 0;
  return (
    <span className={styles.root}>
      <ProgressBar
        value={ratio}
        max={1}
        thickness="large"
        shape="rounded"
        color={ratio >= 0.9 ? "warning" : "brand"}
        aria-label={t("apps.usageLabel")}
        aria-valuetext={text}
      />
      <Caption1 className={styles.text}>{text}</Caption1>
    </span>
  );
}
