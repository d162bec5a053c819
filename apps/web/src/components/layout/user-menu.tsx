import {
  Avatar,
  Badge,
  Body1Strong,
  Caption1,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
  useId,
} from "@fluentui/react-components";
import { PersonKey20Regular, SignOut20Regular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useMe } from "../../lib/api/get-me";
import { routePaths } from "../../lib/route-paths";
import { useSignOut } from "../../lib/use-sign-out";

const useStyles = makeStyles({
  profile: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    marginBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxWidth: "320px",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  upn: { overflowWrap: "anywhere" },
  roles: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXS,
  },
});

/** The signed-in agent (from /api/me): who they are, their app roles, and signing out. */
export function UserMenu() {
  const { t } = useTranslation();
  const styles = useStyles();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const profileId = useId("user-profile");

  return (
    <Menu positioning="below-end">
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          appearance="subtle"
          icon={<Avatar name={me.displayName} size={24} aria-hidden />}
        >
          {me.displayName}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <div id={profileId} className={styles.profile}>
          <Caption1 className={styles.muted}>{t("userMenu.signedInAs")}</Caption1>
          <Body1Strong>{me.displayName}</Body1Strong>
          <Caption1 className={styles.upn}>{me.userPrincipalName}</Caption1>
          <Caption1 className={styles.muted}>
            {me.roles.length === 0
              ? t("userMenu.noRoles")
              : t("userMenu.roles", { count: me.roles.length })}
          </Caption1>
          {me.roles.length === 0 ? null : (
            <div className={styles.roles}>
              {me.roles.map((role) => (
                <Badge key={role} appearance="tint" color="informative" shape="rounded">
                  {role}
                </Badge>
              ))}
            </div>
          )}
        </div>
        <MenuList aria-describedby={profileId}>
          <MenuItem
            icon={<PersonKey20Regular />}
            onClick={() => {
              void navigate(routePaths.myAccess);
            }}
          >
            {t("userMenu.myAccess")}
          </MenuItem>
          <MenuItem
            icon={<SignOut20Regular />}
            disabled={signOut.isPending}
            onClick={() => {
              signOut.mutate();
            }}
          >
            {t("userMenu.signOut")}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
