import { Dropdown, makeStyles, Option, tokens } from "@fluentui/react-components";
import { LocalLanguage20Regular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { changeLanguage, currentLanguage, isLanguage, supportedLanguages } from "../lib/i18n";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  icon: { color: tokens.colorNeutralForeground2 },
  dropdown: { minWidth: "120px" },
});

/** English / Русский; the choice is remembered in this browser and sets `<html lang>`. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  return (
    <div className={styles.root}>
      <LocalLanguage20Regular className={styles.icon} aria-hidden />
      <Dropdown
        className={styles.dropdown}
        size="small"
        appearance="outline"
        aria-label={t("language.label")}
        value={t(`language.${language}`)}
        selectedOptions={[language]}
        onOptionSelect={(_event, data) => {
          if (isLanguage(data.optionValue)) void changeLanguage(i18n, data.optionValue);
        }}
      >
        {supportedLanguages.map((option) => (
          // Each language names itself, in its own language, for screen readers too.
          <Option key={option} value={option} text={t(`language.${option}`)} lang={option}>
            {t(`language.${option}`)}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}
