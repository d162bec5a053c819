import { useTranslation } from "react-i18next";
import { formatDuration } from "../lib/format";
import { currentLanguage } from "../lib/i18n";
import { useNow } from "../lib/use-now";

export interface ElapsedTimeProps {
  since: string;
  /** When it ended; without it the time keeps ticking. */
  until?: string | undefined;
}

/** "Running for 42 sec" while it runs (ticking every second), "Took 3 min 5 sec" once it ended. */
export function ElapsedTime({ since, until }: ElapsedTimeProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const now = useNow(1_000);
  const start = Date.parse(since);
  if (Number.isNaN(start)) return null;
  const end = until === undefined ? now.getTime() : Date.parse(until);
  const duration = formatDuration(Math.max(0, end - start), language);
  return (
    <span>
      {until === undefined
        ? t("progress.runningFor", { duration })
        : t("progress.took", { duration })}
    </span>
  );
}
