import { useIsAuthenticated, useMsal } from "@azure/msal-react";
import { InteractionStatus } from "@azure/msal-browser";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RouterProvider } from "react-router/dom";
import { FullPageSpinner } from "../components/full-page-spinner";
import { SignInPage } from "../components/sign-in-page";
import { useMsalSession } from "../lib/msal";
import { createAppRouter } from "./router";

/** Signed in: the console. Not yet: the sign-in page. In between, a calm spinner. */
export function App() {
  const { t } = useTranslation();
  const { inProgress } = useMsal();
  const isAuthenticated = useIsAuthenticated();
  const { tenant, signInError } = useMsalSession();

  if (inProgress === InteractionStatus.Startup || inProgress === InteractionStatus.HandleRedirect) {
    return <FullPageSpinner label={t("startup.signingIn")} />;
  }
  if (!isAuthenticated) {
    return <SignInPage tenant={tenant} signInError={signInError} />;
  }
  return <Console />;
}

function Console() {
  // Created once the agent is signed in, so the router sees the URL MSAL returned them to.
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}
