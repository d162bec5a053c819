import type { FallbackProps } from "react-error-boundary";
import { useTranslation } from "react-i18next";
import { ErrorPanel } from "./error-panel";

/** A failed section of a page: its own error and "Try again", the page's heading untouched. */
export function SectionErrorFallback({ error, resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  return (
    <ErrorPanel
      error={error}
      onRetry={resetErrorBoundary}
      intro={t("errors.sectionIntro")}
      headingLevel={2}
    />
  );
}
