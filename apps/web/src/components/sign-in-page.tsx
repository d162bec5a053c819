import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { ShieldKeyholeRegular } from "@fluentui/react-icons";
import type { AuthError } from "@azure/msal-browser";
import type { ClientConfig } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { useSignIn } from "../lib/use-sign-in";
import { AppHeader } from "./layout/app-header";
import { MAIN_CONTENT_ID } from "./layout/skip-link";

const useStyles = makeStyles({
  root: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  main: {
    flexGrow: 1,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    padding: tokens.spacingHorizontalL,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalL,
    width: "100%",
    maxWidth: "480px",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalXXXL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  icon: { color: tokens.colorBrandForeground1 },
  title: { margin: 0 },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  action: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalL },
});

export interface SignInPageProps {
  tenant: ClientConfig["tenant"];
  /** Why the last redirect back from sign-in failed, if it did. */
  signInError: AuthError | undefined;
}

/** Before sign-in: what the console is, and one primary action. */
export function SignInPage({ tenant, signInError }: SignInPageProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const signIn = useSignIn();
  // loginRedirect settles as the browser leaves; keep the button disabled until it has.
  const redirecting = signIn.isPending || signIn.isSuccess;
  const failure = signIn.error ?? signInError;

  return (
    <div className={styles.root}>
      <title>{t("app.pageTitle", { page: t("signIn.pageTitle") })}</title>
      <AppHeader />
      <main id={MAIN_CONTENT_ID} className={styles.main}>
        <div className={styles.card}>
          <ShieldKeyholeRegular className={styles.icon} fontSize={48} aria-hidden />
          <Title2 as="h1" className={styles.title}>
            {t("app.name")}
          </Title2>
          <Body1 as="p" className={styles.text}>
            {t("signIn.tagline")}
          </Body1>
          {failure === undefined ? null : (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("signIn.failedTitle")}</MessageBarTitle>
                {t("signIn.failedBody", { code: errorCode(failure) })}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.action}>
            <Button
              appearance="primary"
              size="large"
              disabledFocusable={redirecting}
              onClick={() => {
                signIn.mutate();
              }}
            >
              {t("signIn.button")}
            </Button>
            <Body1 role="status">{redirecting ? t("signIn.redirecting") : ""}</Body1>
          </div>
          <Caption1 as="p" className={styles.hint}>
            {t("signIn.hint")}
          </Caption1>
          {tenant === "simulator" ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t("signIn.simulatorNote")}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      </main>
    </div>
  );
}

function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "errorCode" in error) {
    return String(error.errorCode);
  }
  return "unknown_error";
}
