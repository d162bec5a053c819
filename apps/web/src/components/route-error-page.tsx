import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";
import { StartupErrorPage } from "./startup-error-page";

/** The router's last resort, should the shell itself throw: readable, with a reload. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <StartupErrorPage
      error={error}
      intro={t("errors.intro")}
      pageTitle={t("errors.codes.unexpected")}
      onRetry={() => {
        window.location.reload();
      }}
    />
  );
}
