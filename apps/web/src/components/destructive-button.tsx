import {
  Button,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
  type ButtonProps,
} from "@fluentui/react-components";

const useStyles = makeStyles({
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    ...shorthands.borderColor(tokens.colorStatusDangerBackground3),
    color: tokens.colorNeutralForegroundOnBrand,
    ":hover": {
      backgroundColor: tokens.colorStatusDangerBackground3Hover,
      ...shorthands.borderColor(tokens.colorStatusDangerBackground3Hover),
      color: tokens.colorNeutralForegroundOnBrand,
    },
    ":hover:active": {
      backgroundColor: tokens.colorStatusDangerBackground3Pressed,
      ...shorthands.borderColor(tokens.colorStatusDangerBackground3Pressed),
      color: tokens.colorNeutralForegroundOnBrand,
    },
  },
});

/** A primary button in the danger colour, for the one button that changes things for good. */
export function DestructiveButton({ className, ...props }: ButtonProps) {
  const styles = useStyles();
  // Disabled keeps Fluent's disabled look: red must never suggest a button that does nothing.
  const inactive = props.disabled === true || props.disabledFocusable === true;
  return (
    <Button
      {...props}
      appearance="primary"
      className={mergeClasses(!inactive && styles.danger, className)}
    />
  );
}
