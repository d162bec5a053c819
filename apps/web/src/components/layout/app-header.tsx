import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ShieldKeyhole24Regular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../language-switch";
import { ThemeSwitch } from "../theme-switch";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    minHeight: "52px",
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  product: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginRight: "auto",
    minWidth: 0,
  },
  icon: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  name: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  tools: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

/** The banner: product name, language switch and (once signed in) the agent's menu. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.product}>
        <ShieldKeyhole24Regular className={styles.icon} aria-hidden />
        <Subtitle2 className={styles.name}>{t("app.name")}</Subtitle2>
      </div>
      <div className={styles.tools}>
        <ThemeSwitch />
        <LanguageSwitch />
        {children}
      </div>
    </header>
  );
}
