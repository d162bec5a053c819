import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ErrorPanel } from "./error-panel";
import { AppHeader } from "./layout/app-header";
import { MAIN_CONTENT_ID } from "./layout/skip-link";

const useStyles = makeStyles({
  root: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  main: { padding: tokens.spacingHorizontalXXL },
});

export interface StartupErrorPageProps {
  error: unknown;
  /** For failures during start-up (client config, MSAL) or of the shell itself. */
  intro?: string;
  pageTitle?: string;
  onRetry: () => void;
}

/** A page-wide failure: the console could not start, or its shell could not render. */
export function StartupErrorPage({ error, intro, pageTitle, onRetry }: StartupErrorPageProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <title>{t("app.pageTitle", { page: pageTitle ?? t("startup.failedTitle") })}</title>
      <AppHeader />
      <main id={MAIN_CONTENT_ID} className={styles.main}>
        <ErrorPanel error={error} intro={intro ?? t("startup.failedBody")} onRetry={onRetry} />
      </main>
    </div>
  );
}
