import {
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
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

/**
 * Fluent theme and base page styles: every Fluent screen renders inside this (the console, the
 * sign-in page, the start-up failure page). The spinner before them needs none of it.
 */
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
