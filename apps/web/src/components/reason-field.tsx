import { Field, Input } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

/** The contracts' ReasonSchema allows this much. */
const REASON_MAX = 500;

/** The optional reason (a ticket number) every action dialog offers; it goes into the journal. */
export function ReasonField({
  value,
  onChange,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t("actionDialog.reasonLabel")} hint={t("actionDialog.reasonHint")}>
      <Input
        value={value}
        maxLength={REASON_MAX}
        disabled={disabled}
        onChange={(_event, data) => {
          onChange(data.value);
        }}
      />
    </Field>
  );
}
