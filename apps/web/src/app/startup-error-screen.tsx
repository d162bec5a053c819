import { StartupErrorPage, type StartupErrorPageProps } from "../components/startup-error-page";
import { ThemeProvider } from "./theme-provider";

/** The start-up failure page in Fluent's theme, loaded only when start-up fails. */
export function StartupErrorScreen(props: StartupErrorPageProps) {
  return (
    <ThemeProvider>
      <StartupErrorPage {...props} />
    </ThemeProvider>
  );
}
