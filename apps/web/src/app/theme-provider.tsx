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
    // A plain link (react-router's, no style of its own) in the theme's link colour: the
    // browser's default blue is unreadable on the dark theme's background.
    "& a:not([class])": { color: tokens.colorBrandForegroundLink },
    "& a:not([class]):hover": { color: tokens.colorBrandForegroundLinkHover },
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
