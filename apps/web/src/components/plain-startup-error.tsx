import { useTranslation } from "react-i18next";

/**
 * The last resort when start-up failed and the styled failure page could not be fetched
 * either: the words and a retry, in plain markup (the spinner's stylesheet lays it out).
 */
export function PlainStartupError({ onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="ihc-full-page-spinner" role="alert">
      <strong>{t("startup.failedTitle")}</strong>
      <span>{t("startup.failedBody")}</span>
      <button type="button" onClick={onRetry}>
        {t("errors.tryAgain")}
      </button>
    </main>
  );
}
