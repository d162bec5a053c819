import { makeStyles } from "@fluentui/react-components";

/**
 * A badge whose label wraps inside it instead of spilling into the next column: long words,
 * Russian, Graph's raw value in "Unknown (revokedByApple)". `break-word`, not `anywhere`: a
 * table column keeps room for a whole word, so "Company" is never cut into "Compan / y" while
 * the column could be wider; a word longer than the column still breaks.
 */
export const useBadgeStyles = makeStyles({
  wrap: {
    height: "auto",
    minHeight: "20px",
    whiteSpace: "normal",
    maxWidth: "100%",
    overflowWrap: "break-word",
    paddingTop: "1px",
    paddingBottom: "1px",
  },
});
