import { MsalProvider } from "@azure/msal-react";
import {
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { MsalSessionContext, type MsalSession } from "../lib/msal";
import { useTheme } from "../lib/theme-preference";

const useGlobalStyles = makeStaticStyles({
  "html, body, #root": { margin: 0, padding: 0, minHeight: "100%" },
});

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** Fluent theme and base page styles: everything renders inside this, even start-up screens. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  useGlobalStyles();
  const styles = useStyles();
  const { theme } = useTheme();
  return (
    // Not on FluentProvider itself: Fluent copies its className onto every portal's mount node.
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
      <div className={styles.root}>{children}</div>
    </FluentProvider>
  );
}

export interface AppProvidersProps {
  session: MsalSession;
  queryClient: QueryClient;
  children: ReactNode;
}

/** The signed-in app's context: MSAL, its session settings and React Query. */
export function AppProviders({ session, queryClient, children }: AppProvidersProps) {
  return (
    <ThemeProvider>
      <MsalProvider instance={session.instance}>
        <MsalSessionContext value={session}>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </MsalSessionContext>
      </MsalProvider>
    </ThemeProvider>
  );
}
