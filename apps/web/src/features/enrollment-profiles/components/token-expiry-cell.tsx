import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatRelativeTime } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useNow } from "../../../lib/use-now";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** "in 12 days" with the date below it (and the exact time in its title). */
export function TokenExpiryCell({ expiration }: { expiration: string | undefined }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const now = useNow(60_000);
  if (expiration === undefined || Number.isNaN(Date.parse(expiration))) {
    return <Caption1 className={styles.muted}>—</Caption1>;
  }
  const relative = formatRelativeTime(expiration, language, now);
  const expired = Date.parse(expiration) <= now.getTime();
  return (
    <span className={styles.root}>
      <time
        dateTime={new Date(expiration).toISOString()}
        title={formatDateTime(expiration, language)}
      >
        {expired ? t("enrollmentProfiles.expiry.expired", { relative }) : relative}
      </time>
      <Caption1 className={styles.muted}>{formatDate(expiration, language)}</Caption1>
    </span>
  );
}
