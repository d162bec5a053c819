import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

export const MAIN_CONTENT_ID = "main-content";

const useStyles = makeStyles({
  link: {
    position: "absolute",
    left: "-10000px",
    top: tokens.spacingVerticalS,
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    boxShadow: tokens.shadow8,
    fontWeight: tokens.fontWeightSemibold,
    ":focus": {
      left: tokens.spacingHorizontalS,
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

/** The first tab stop: jumps past the header and navigation to the page's content. */
export function SkipLink() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <a
      className={styles.link}
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(event) => {
        // Focus the content without adding a hash to the router's URL.
        event.preventDefault();
        document.getElementById(MAIN_CONTENT_ID)?.focus();
      }}
    >
      {t("skipLink")}
    </a>
  );
}
