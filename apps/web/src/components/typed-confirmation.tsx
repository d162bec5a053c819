import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { confirmationMatches } from "../lib/confirmation";

const useStyles = makeStyles({
  expected: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  input: { width: "100%" },
});

// Where the dialogs have always found it; the rule itself lives in lib (no React, testable).
export { confirmationMatches };

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
 * type, and the field says when it matches.
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
        : value.trim() !== "" && !expected.startsWith(value.trimStart())
          ? { validationState: "warning" as const, validationMessage: t("confirm.noMatch") }
          : {};
  return (
    <Field
      label={label}
      required
      hint={
        <>
          {t("confirm.typeHint")} <span className={styles.expected}>{expected}</span>
        </>
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
