import { SignInPage, type SignInPageProps } from "../components/sign-in-page";
import { ThemeProvider } from "./theme-provider";

/** The sign-in page in Fluent's theme: loaded only when the agent is not signed in. */
export function SignInScreen(props: SignInPageProps) {
  return (
    <ThemeProvider>
      <SignInPage {...props} />
    </ThemeProvider>
  );
}
