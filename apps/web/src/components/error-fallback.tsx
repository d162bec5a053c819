import type { FallbackProps } from "react-error-boundary";
import { useTranslation } from "react-i18next";
import { ErrorPanel } from "./error-panel";

/** The default fallback of a region's error boundary. */
export function ErrorFallback({ error, resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  return <ErrorPanel error={error} onRetry={resetErrorBoundary} intro={t("errors.intro")} />;
}
