import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatRelativeTime } from "../lib/format";
import { currentLanguage } from "../lib/i18n";
import { useNow } from "../lib/use-now";

const useStyles = makeStyles({
  stacked: { display: "flex", flexDirection: "column" },
  absolute: { color: tokens.colorNeutralForeground3 },
});

export interface RelativeTimeProps {
  value: string | Date;
  /** Also show the absolute date and time below, not only in the title. */
  showAbsolute?: boolean;
  /** Tick every second (next to a running timer), not every 15 s. */
  live?: boolean;
  className?: string;
}

/** "3 minutes ago", with the exact moment in its title (and below it, when asked). */
export function RelativeTime({
  value,
  showAbsolute = false,
  live = false,
  className,
}: RelativeTimeProps) {
  const { i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const now = useNow(live ? 1_000 : 15_000);
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const absolute = formatDateTime(date, language, { dateStyle: "medium", timeStyle: "medium" });
  // Events are in the past: a moment "in the future" is the server's clock a little ahead.
  const shown = date > now && date.getTime() - now.getTime() < 60_000 ? now : date;
  const relative = (
    <time dateTime={date.toISOString()} title={absolute} className={className}>
      {formatRelativeTime(shown, language, now)}
    </time>
  );
  if (!showAbsolute) return relative;
  return (
    <span className={styles.stacked}>
      {relative}
      <Caption1 className={styles.absolute}>{absolute}</Caption1>
    </span>
  );
}
