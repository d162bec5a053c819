import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { routePaths } from "../lib/route-paths";
import { PageHeader } from "./page-header";
import { PageLayout } from "./page-layout";

const useStyles = makeStyles({
  paragraph: { margin: 0 },
  link: {
    color: tokens.colorBrandForegroundLink,
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
  },
});

export function NotFoundPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <PageLayout>
      <PageHeader title={t("pages.notFound.title")} description={t("pages.notFound.description")} />
      <p className={styles.paragraph}>
        <Link className={styles.link} to={routePaths.vppTokens}>
          {t("pages.notFound.backHome")}
        </Link>
      </p>
    </PageLayout>
  );
}
