import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  Apps20Filled,
  bundleIcon,
  Apps20Regular,
  ArrowUndo20Filled,
  ArrowUndo20Regular,
  History20Filled,
  History20Regular,
  KeyMultiple20Filled,
  KeyMultiple20Regular,
  People20Filled,
  People20Regular,
  PhoneKey20Filled,
  PhoneKey20Regular,
} from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useMe } from "../../lib/api/get-me";
import { can } from "../../lib/permissions";
import { routePaths } from "../../lib/route-paths";

const items = [
  {
    path: routePaths.vppTokens,
    label: "nav.vppTokens",
    Icon: bundleIcon(KeyMultiple20Filled, KeyMultiple20Regular),
  },
  { path: routePaths.apps, label: "nav.apps", Icon: bundleIcon(Apps20Filled, Apps20Regular) },
  {
    path: routePaths.reclaim,
    label: "nav.reclaim",
    Icon: bundleIcon(ArrowUndo20Filled, ArrowUndo20Regular),
  },
  {
    path: routePaths.enrollmentProfiles,
    label: "nav.enrollmentProfiles",
    Icon: bundleIcon(PhoneKey20Filled, PhoneKey20Regular),
  },
  { path: routePaths.users, label: "nav.users", Icon: bundleIcon(People20Filled, People20Regular) },
  {
    path: routePaths.activity,
    label: "nav.activity",
    Icon: bundleIcon(History20Filled, History20Regular),
  },
] as const;

const useStyles = makeStyles({
  root: {
    flexShrink: 0,
    width: "240px",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "@media (max-width: 720px)": {
      width: "auto",
      borderRight: "none",
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      overflowX: "auto",
    },
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    "@media (max-width: 720px)": { flexDirection: "row" },
  },
  link: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: "none",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: "nowrap",
    ":hover": {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      color: tokens.colorNeutralForeground1,
    },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
  },
  icon: { flexShrink: 0 },
});

/** The console's pages; rendered only for agents who may use the console. */
export function SideNav() {
  const { t } = useTranslation();
  const styles = useStyles();
  const me = useMe();
  if (!can(me, "console:read")) return null;
  return (
    <nav className={styles.root} aria-label={t("nav.label")}>
      <ul className={styles.list}>
        {items.map(({ path, label, Icon }) => (
          <li key={path}>
            <NavLink
              to={path}
              className={({ isActive }) => mergeClasses(styles.link, isActive && styles.active)}
            >
              {({ isActive }) => (
                <>
                  <Icon className={styles.icon} filled={isActive} aria-hidden />
                  {t(label)}
                </>
              )}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
