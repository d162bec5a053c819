import { makeStyles, Spinner } from "@fluentui/react-components";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import type { ActionSubmission } from "../lib/use-action-submission";
import { ErrorPanel } from "./error-panel";

/**
 * What an action dialog shows about its send: for an unanswered request, the calm
 * "we may have received it" panel with a same-key retry; for a refusal, the problem — unless it
 * names one of `inlineFields`, which the dialog shows under that field instead; and, given a
 * `sendingLabel` ("Revoking the token…"), that label with a spinner while the request is out.
 */
export function submissionFeedback(
  submission: Pick<ActionSubmission<unknown>, "phase" | "error" | "retry" | "fieldError">,
  t: TFunction,
  inlineFields: readonly string[] = [],
  sendingLabel?: string,
): ReactNode | undefined {
  const uncertain =
    submission.phase === "uncertain" ||
    (submission.phase === "sending" && submission.error !== undefined);
  if (uncertain) {
    return (
      <ErrorPanel
        error={submission.error}
        intro={t("actionDialog.uncertain")}
        onRetry={submission.retry}
        headingLevel={3}
      />
    );
  }
  if (
    submission.phase === "refused" &&
    inlineFields.every((field) => submission.fieldError(field) === undefined)
  ) {
    return <ErrorPanel error={submission.error} headingLevel={3} />;
  }
  if (submission.phase === "sending" && sendingLabel !== undefined) {
    return <SendingStatus label={sendingLabel} />;
  }
  return undefined;
}

const useStyles = makeStyles({ start: { justifyContent: "flex-start" } });

/** The request is out: its label beside a spinner, at the start of the line, read out once. */
function SendingStatus({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div role="status">
      <Spinner className={styles.start} size="tiny" labelPosition="after" label={label} />
    </div>
  );
}
