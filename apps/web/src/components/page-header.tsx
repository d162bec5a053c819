import { Body1, makeStyles, Title2, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  description: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: "70ch" },
});

export interface PageHeaderProps {
  title: string;
  description?: string;
}

/** A page's heading and its document title (React 19 hoists `<title>` into the head). */
export function PageHeader({ title, description }: PageHeaderProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <title>{t("app.pageTitle", { page: title })}</title>
      <Title2 as="h1" className={styles.title}>
        {title}
      </Title2>
      {description === undefined ? null : (
        <Body1 as="p" className={styles.description}>
          {description}
        </Body1>
      )}
    </div>
  );
}
