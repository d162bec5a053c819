import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Warning16Filled } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatRelativeTime } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useNow } from "../../../lib/use-now";

/** Apple tokens are renewed yearly; under this, the agent should warn the token's owner. */
export const EXPIRES_SOON_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column" },
  line: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  soon: { color: tokens.colorStatusWarningForeground3, fontWeight: tokens.fontWeightSemibold },
  expired: { color: tokens.colorStatusDangerForeground3, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type ExpiryLevel = "ok" | "soon" | "expired";

export function expiryLevel(expiration: string, now: Date): ExpiryLevel {
  const left = Date.parse(expiration) - now.getTime();
  if (left <= 0) return "expired";
  return left < EXPIRES_SOON_DAYS * DAY_MS ? "soon" : "ok";
}

/** "in 12 days" (amber under 30 days, red once expired), the date below and in the title. */
export function ExpiryCell({ expiration }: { expiration: string | undefined }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const now = useNow(60_000);
  if (expiration === undefined || Number.isNaN(Date.parse(expiration))) {
    return <Caption1 className={styles.muted}>{t("vppTokens.expiry.none")}</Caption1>;
  }
  const level = expiryLevel(expiration, now);
  const relative = formatRelativeTime(expiration, language, now);
  return (
    <span className={styles.root}>
      <time
        dateTime={new Date(expiration).toISOString()}
        title={formatDateTime(expiration, language)}
        className={mergeClasses(
          styles.line,
          level === "soon" && styles.soon,
          level === "expired" && styles.expired,
        )}
      >
        {level === "expired" ? <ErrorCircle16Filled aria-hidden /> : null}
        {level === "soon" ? <Warning16Filled aria-hidden /> : null}
        {level === "expired" ? t("vppTokens.expiry.expired", { relative }) : relative}
      </time>
      <Caption1 className={styles.muted}>
        {level === "soon"
          ? t("vppTokens.expiry.soon", { date: formatDate(expiration, language) })
          : formatDate(expiration, language)}
      </Caption1>
    </span>
  );
}
