import {
  Avatar,
  Badge,
  Body1Strong,
  Caption1,
  makeStyles,
  Menu,
  MenuButton,
  MenuDivider,
  MenuItem,
  MenuItemSwitch,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
  useId,
} from "@fluentui/react-components";
import { Alert20Regular, PersonKey20Regular, SignOut20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import {
  turnOffActionNotices,
  turnOnActionNotices,
  useActionNoticeSetting,
  useActionNoticesOn,
} from "../../lib/action-notice-setting";
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
  hint: {
    display: "block",
    maxWidth: "300px",
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS} 44px`,
    color: tokens.colorNeutralForeground3,
  },
  roles: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXS,
  },
});

/** The signed-in agent (from /api/me): who they are, their app roles, and signing out. */
export function UserMenu() {
  const me = useMe();
  // Here, not in the open menu: a sign-out under way stays under way when the menu reopens.
  const signOut = useSignOut();
  const noticesOn = useActionNoticesOn();
  // A refusal this session: said at once, even where the browser reports `default` again.
  const [refused, setRefused] = useState(false);

  return (
    <Menu
      positioning="below-end"
      checkedValues={{ settings: noticesOn ? ["actionNotices"] : [] }}
      onCheckedValueChange={(_event, data) => {
        if (data.name !== "settings") return;
        if (data.checkedItems.includes("actionNotices")) {
          void turnOnActionNotices().then((result) => {
            setRefused(result !== "on");
          });
        } else {
          turnOffActionNotices();
        }
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          appearance="subtle"
          icon={<Avatar name={me.displayName} size={24} aria-hidden />}
        >
          {me.displayName}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <UserMenuItems refused={refused} signOut={signOut} />
      </MenuPopover>
    </Menu>
  );
}

/**
 * The open menu. Rendered only while it is open, so the browser's notification permission (a
 * synchronous call into the browser) is read when the agent looks at the setting, not on every
 * page load.
 */
function UserMenuItems({
  refused,
  signOut,
}: {
  refused: boolean;
  signOut: ReturnType<typeof useSignOut>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const me = useMe();
  const navigate = useNavigate();
  const profileId = useId("user-profile");
  const noticeHintId = useId("notice-hint");
  const notices = useActionNoticeSetting();
  const noticeHint =
    notices.permission === "unsupported"
      ? t("actionNotices.unsupported")
      : notices.permission === "denied" || (refused && !notices.on)
        ? t("actionNotices.blocked")
        : undefined;

  return (
    <>
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
        <MenuItemSwitch
          name="settings"
          value="actionNotices"
          icon={<Alert20Regular />}
          disabled={notices.permission === "unsupported"}
          aria-describedby={noticeHint === undefined ? undefined : noticeHintId}
        >
          {t("actionNotices.setting")}
        </MenuItemSwitch>
        {noticeHint === undefined ? null : (
          <Caption1 id={noticeHintId} className={styles.hint}>
            {noticeHint}
          </Caption1>
        )}
        <MenuDivider />
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
    </>
  );
}
