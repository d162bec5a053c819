import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { SignOut20Regular, Warning16Regular } from "@fluentui/react-icons";
import type { FallbackProps } from "react-error-boundary";
import { useTranslation } from "react-i18next";
import { useSignOut } from "../../lib/use-sign-out";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  icon: { color: tokens.colorStatusWarningForeground1 },
});

/**
 * The header's user area when /api/me failed: small, because the main region shows the full error
 * and its "Try again" (which recovers this region too); signing out stays possible.
 */
export function UserMenuFallback(_props: FallbackProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const signOut = useSignOut();
  return (
    <div className={styles.root}>
      <Warning16Regular className={styles.icon} aria-hidden />
      <Caption1>{t("userMenu.unavailable")}</Caption1>
      <Button
        size="small"
        appearance="subtle"
        icon={<SignOut20Regular />}
        disabled={signOut.isPending}
        onClick={() => {
          signOut.mutate();
        }}
      >
        {t("userMenu.signOut")}
      </Button>
    </div>
  );
}
