import { Spinner } from "@fluentui/react-components";

/** "Revoking the token…" while the dialog's request is out: seen, and read out once. */
export function SendingStatus({ label }: { label: string }) {
  return (
    <div role="status">
      <Spinner size="tiny" labelPosition="after" label={label} />
    </div>
  );
}
