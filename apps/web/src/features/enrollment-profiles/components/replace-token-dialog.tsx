import { Body1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowSync20Regular } from "@fluentui/react-icons";
import type { ReplaceEnrollmentTokenRequest } from "@ihc/contracts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ReasonField } from "../../../components/reason-field";
import { submissionFeedback } from "../../../components/submission-feedback";
import { TypedConfirmation } from "../../../components/typed-confirmation";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useReplaceEnrollmentToken } from "../api/replace-enrollment-token";
import type { TokenDialogProps } from "./revoke-token-dialog";
import { NewTokenReveal } from "./new-token-reveal";
import { TokenActionResult } from "./token-action-result";
import { replaceFormState } from "./token-dialog-form";
import { DEFAULT_VALIDITY_DAYS, MAX_VALIDITY_DAYS, MIN_VALIDITY_DAYS } from "./validity-days";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  days: { maxWidth: "160px" },
});

/**
 * "Replace the token of <name>?": revokes the current token and creates a new one valid for the
 * chosen number of days, in one confirmed step (one record with a step per Graph call).
 */
export function ReplaceTokenDialog({ open, profile, onDismiss }: TokenDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [days, setDays] = useState(String(DEFAULT_VALIDITY_DAYS));
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");

  const { mutateAsync } = useReplaceEnrollmentToken();
  const send = useCallback(
    (body: ReplaceEnrollmentTokenRequest, idempotencyKey: string) =>
      mutateAsync({ kind: profile.kind, id: profile.id, body, idempotencyKey }),
    [mutateAsync, profile.kind, profile.id],
  );
  // Accepted: the dialog stays open and follows the record to its end.
  const submission = useActionSubmission(send);
  const { accepted } = submission;
  const form = replaceFormState(typed, days, profile);
  const { validityDays } = form;
  const daysError = form.daysInvalid
    ? t("enrollmentProfiles.replaceDialog.validityOutOfRange", {
        min: MIN_VALIDITY_DAYS,
        max: MAX_VALIDITY_DAYS,
      })
    : submission.fieldError("body.validityDays");
  const confirmError =
    typed.trim() === submission.sent?.confirmDisplayName
      ? submission.fieldError("body.confirmDisplayName")
      : undefined;
  const sending = submission.phase === "sending";

  const confirm = () => {
    if (validityDays === undefined) return;
    const trimmedReason = reason.trim();
    submission.submit({
      confirmDisplayName: typed.trim(),
      validityDays,
      ...(trimmedReason === "" ? {} : { reason: trimmedReason }),
    });
  };

  const feedback = submissionFeedback(
    submission,
    t,
    ["body.confirmDisplayName", "body.validityDays"],
    t("enrollmentProfiles.result.replace.running"),
  );

  return (
    <ConfirmDialog
      open={open}
      title={
        accepted === undefined
          ? t("enrollmentProfiles.replaceDialog.title", { name: profile.displayName })
          : t("enrollmentProfiles.result.title", { name: profile.displayName })
      }
      confirmLabel={t("enrollmentProfiles.replaceDialog.confirm")}
      confirmIcon={<ArrowSync20Regular />}
      destructive={profile.tokenStatus !== "none"}
      canConfirm={form.canConfirm && !submission.locked}
      submitting={sending}
      waitFor={{
        target: { type: "enrollmentProfile", id: profile.id },
        idempotencyKey: submission.idempotencyKey,
      }}
      onConfirm={confirm}
      onDismiss={onDismiss}
      feedback={feedback}
      result={
        accepted === undefined ? undefined : (
          <>
            <TokenActionResult accepted={accepted} />
            <NewTokenReveal accepted={accepted} profile={profile} />
          </>
        )
      }
    >
      <div className={styles.section}>
        <Body1 as="p" className={styles.text}>
          {profile.tokenStatus === "none"
            ? t("enrollmentProfiles.replaceDialog.explainNoToken")
            : t("enrollmentProfiles.replaceDialog.explain")}
        </Body1>
      </div>
      <Field
        label={t("enrollmentProfiles.replaceDialog.validityLabel")}
        required
        // The error says what the hint says, in its place.
        {...(daysError === undefined
          ? {
              hint: t("enrollmentProfiles.replaceDialog.validityHint", {
                min: MIN_VALIDITY_DAYS,
                max: MAX_VALIDITY_DAYS,
              }),
            }
          : { validationState: "error" as const, validationMessage: daysError })}
      >
        <Input
          className={styles.days}
          type="number"
          inputMode="numeric"
          min={MIN_VALIDITY_DAYS}
          max={MAX_VALIDITY_DAYS}
          step={1}
          value={days}
          disabled={submission.locked}
          onChange={(_event, data) => {
            setDays(data.value);
          }}
        />
      </Field>
      <ReasonField value={reason} onChange={setReason} disabled={submission.locked} />
      <TypedConfirmation
        label={t("enrollmentProfiles.confirmLabel")}
        expected={profile.displayName}
        value={typed}
        onChange={setTyped}
        disabled={submission.locked}
        error={confirmError === undefined ? undefined : t("enrollmentProfiles.confirmRefused")}
      />
    </ConfirmDialog>
  );
}
