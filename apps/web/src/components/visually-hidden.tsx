import { makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** Text for screen readers only (e.g. a live region's announcement). */
export function VisuallyHidden({
  children,
  ...aria
}: {
  children: ReactNode;
  role?: string;
  "aria-live"?: "polite";
}) {
  const styles = useStyles();
  return (
    <span className={styles.root} {...aria}>
      {children}
    </span>
  );
}
