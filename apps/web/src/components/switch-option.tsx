import { makeStyles, Switch, tokens, useId } from "@fluentui/react-components";

const useStyles = makeStyles({
  option: { display: "flex", flexDirection: "column" },
  hint: {
    margin: 0,
    paddingLeft: "52px",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

export interface SwitchOptionProps {
  label: string;
  hint: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}

/** An action's option: a switch with its consequence spelled out below, tied to it for readers. */
export function SwitchOption({ label, hint, checked, disabled, onChange }: SwitchOptionProps) {
  const styles = useStyles();
  const hintId = useId("option-hint");
  return (
    <div className={styles.option}>
      <Switch
        label={label}
        checked={checked}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(_event, data) => {
          onChange(data.checked);
        }}
      />
      <p id={hintId} className={styles.hint}>
        {hint}
      </p>
    </div>
  );
}
