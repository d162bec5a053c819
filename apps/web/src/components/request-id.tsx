import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CopyButton } from "./copy-button";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    minWidth: 0,
  },
  compact: {
    maxWidth: "11ch",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    userSelect: "all",
  },
});

export interface RequestIdProps {
  value: string;
  label: string;
  /** Show the start only (tables); the title, a selection and the copy button give it whole. */
  compact?: boolean;
}

/** An id support asks for (ours or Graph's), selectable and copyable in one click. */
export function RequestId({ value, label, compact = false }: RequestIdProps) {
  const styles = useStyles();
  return (
    <span className={styles.root}>
      <code className={mergeClasses(styles.code, compact && styles.compact)} title={value}>
        {value}
      </code>
      <CopyButton value={value} label={label} />
    </span>
  );
}
