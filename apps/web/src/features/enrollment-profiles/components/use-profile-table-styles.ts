import { makeStyles, tokens } from "@fluentui/react-components";
import { useTableStyles } from "../../../components/table-styles";

const useOwnStyles = makeStyles({
  table: { minWidth: "1040px" },
  stack: { alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  mono: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  number: { fontVariantNumeric: "tabular-nums" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  busy: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

/** The enrollment profile table's styles, shared by the table and its rows. */
export function useProfileTableStyles() {
  return useTableStyles(useOwnStyles());
}
