import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { confirmationMatches, confirmationMayMatch } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { CopyButton } from "./copy-button";

const useStyles = makeStyles({
  hint: { display: "inline-flex", alignItems: "center", flexWrap: "wrap", columnGap: "4px" },
  expected: {
    // The name on its own, selected whole by one click: what to type, or to copy.
    userSelect: "all",
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  input: { width: "100%" },
});

export interface TypedConfirmationProps {
  label: string;
  /** What must be typed: the target's name as the agent sees it. */
  expected: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** The server's objection, when it refused what was typed. */
  error?: string | undefined;
}

/**
 * The widest actions ask for the target's name typed out (DESIGN §6.1): a hint shows what to
 * type as text of its own (and copies it), and the field says when it matches — by the one rule
 * the BFF enforces too (`confirmationMatches` in contracts: dashes, quotes, spaces, case aside).
 */
export function TypedConfirmation({
  label,
  expected,
  value,
  onChange,
  disabled = false,
  error,
}: TypedConfirmationProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const matches = confirmationMatches(value, expected);
  const validation =
    error !== undefined
      ? { validationState: "error" as const, validationMessage: error }
      : matches
        ? { validationState: "success" as const, validationMessage: t("confirm.matches") }
        : value.trim() !== "" && !confirmationMayMatch(value, expected)
          ? { validationState: "warning" as const, validationMessage: t("confirm.noMatch") }
          : {};
  return (
    <Field
      label={label}
      required
      hint={
        <span className={styles.hint}>
          {t("confirm.typeHint")} <span className={styles.expected}>{expected}</span>
          <CopyButton value={expected} label={t("confirm.theName")} />
        </span>
      }
      {...validation}
    >
      <Input
        className={styles.input}
        value={value}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        onChange={(_event, data) => {
          onChange(data.value);
        }}
      />
    </Field>
  );
}
