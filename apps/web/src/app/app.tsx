import { useIsAuthenticated, useMsal } from "@azure/msal-react";
import { InteractionStatus } from "@azure/msal-browser";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { FullPageSpinner } from "../components/full-page-spinner";
import { useMsalSession } from "../lib/msal";
import { loadConsole } from "./console-loader";

// Code only a signed-in agent runs (router, shell, pages) stays out of the initial load: the
// sign-in page and the redirect back from Entra ID need none of it (bundle budget, ADR 0014).
const Console = lazy(() => loadConsole().then((module) => ({ default: module.Console })));
// The sign-in page and Fluent UI under it are a chunk of their own too: a returning agent
// never needs it, and the spinner before either shows without Fluent.
const SignInScreen = lazy(() =>
  import("./sign-in-screen").then((module) => ({ default: module.SignInScreen })),
);

/** Signed in: the console. Not yet: the sign-in page. In between, a calm spinner. */
export function App() {
  const { t } = useTranslation();
  const { inProgress } = useMsal();
  const isAuthenticated = useIsAuthenticated();
  const { tenant, signInError } = useMsalSession();

  if (inProgress === InteractionStatus.Startup || inProgress === InteractionStatus.HandleRedirect) {
    return <FullPageSpinner label={t("startup.signingIn")} />;
  }
  return (
    <Suspense fallback={<FullPageSpinner label={t("startup.loading")} />}>
      {isAuthenticated ? <Console /> : <SignInScreen tenant={tenant} signInError={signInError} />}
    </Suspense>
  );
}
