import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useTableStylesBase = makeStyles({
  scroller: { overflowX: "auto" },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  row: { cursor: "pointer" },
  cell: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    verticalAlign: "top",
  },
  stack: { display: "flex", flexDirection: "column", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowWrap: "anywhere" },
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "none",
    ":hover": { textDecorationLine: "underline", color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
});

export type TableStyles = ReturnType<typeof useTableStylesBase>;

/**
 * The look every data table of the console shares (scrolling, cell padding, muted and wrapping
 * text, row links); `own` adds or overrides a table's classes (its minimum width, extra cells).
 */
export function useTableStyles<Own extends Record<string, string>>(own: Own): TableStyles & Own {
  const base = useTableStylesBase();
  const merged: Record<string, string> = { ...base };
  for (const [name, className] of Object.entries(own)) {
    merged[name] = mergeClasses(merged[name], className);
  }
  return merged as TableStyles & Own;
}
