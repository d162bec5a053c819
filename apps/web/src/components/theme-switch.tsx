import { Dropdown, makeStyles, Option, tokens } from "@fluentui/react-components";
import { DarkTheme20Regular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import {
  isThemePreference,
  saveThemePreference,
  themePreferences,
  useTheme,
} from "../lib/theme-preference";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  icon: { color: tokens.colorNeutralForeground2 },
  dropdown: { minWidth: "110px" },
});

/** System / Light / Dark; remembered in this browser (issue #18, 7). */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { preference } = useTheme();
  return (
    <div className={styles.root}>
      <DarkTheme20Regular className={styles.icon} aria-hidden />
      <Dropdown
        className={styles.dropdown}
        size="small"
        appearance="outline"
        aria-label={t("theme.label")}
        value={t(`theme.${preference}`)}
        selectedOptions={[preference]}
        onOptionSelect={(_event, data) => {
          if (isThemePreference(data.optionValue)) saveThemePreference(data.optionValue);
        }}
      >
        {themePreferences.map((option) => (
          <Option key={option} value={option} text={t(`theme.${option}`)}>
            {t(`theme.${option}`)}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}
