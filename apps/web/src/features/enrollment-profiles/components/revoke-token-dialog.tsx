import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { Delete20Regular } from "@fluentui/react-icons";
import type { EnrollmentProfile, RevokeEnrollmentTokenRequest } from "@ihc/contracts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ReasonField } from "../../../components/reason-field";
import { submissionFeedback } from "../../../components/submission-feedback";
import { TypedConfirmation } from "../../../components/typed-confirmation";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useRevokeEnrollmentToken } from "../api/revoke-enrollment-token";
import { TokenActionResult } from "./token-action-result";
import { revokeFormState } from "./token-dialog-form";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
});

export interface TokenDialogProps {
  open: boolean;
  profile: EnrollmentProfile;
  onDismiss: () => void;
}

/**
 * "Revoke the token of <name>?": what stops and what does not, an optional reason, the profile's
 * name typed to confirm. One POST per opening (one Idempotency-Key).
 */
export function RevokeTokenDialog({ open, profile, onDismiss }: TokenDialogProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");

  const { mutateAsync } = useRevokeEnrollmentToken();
  const send = useCallback(
    (body: RevokeEnrollmentTokenRequest, idempotencyKey: string) =>
      mutateAsync({ kind: profile.kind, id: profile.id, body, idempotencyKey }),
    [mutateAsync, profile.kind, profile.id],
  );
  // Accepted: the dialog stays open and follows the record to its end.
  const submission = useActionSubmission(send);
  const { accepted } = submission;
  const { canConfirm } = revokeFormState(typed, profile);
  const confirmError =
    typed.trim() === submission.sent?.confirmDisplayName
      ? submission.fieldError("body.confirmDisplayName")
      : undefined;
  const sending = submission.phase === "sending";

  const confirm = () => {
    const trimmedReason = reason.trim();
    submission.submit({
      confirmDisplayName: typed.trim(),
      ...(trimmedReason === "" ? {} : { reason: trimmedReason }),
    });
  };

  const feedback = submissionFeedback(
    submission,
    t,
    ["body.confirmDisplayName"],
    t("enrollmentProfiles.result.revoke.running"),
  );

  return (
    <ConfirmDialog
      open={open}
      title={
        accepted === undefined
          ? t("enrollmentProfiles.revokeDialog.title", { name: profile.displayName })
          : t("enrollmentProfiles.result.title", { name: profile.displayName })
      }
      confirmLabel={t("enrollmentProfiles.revokeDialog.confirm")}
      confirmIcon={<Delete20Regular />}
      destructive
      canConfirm={canConfirm && !submission.locked}
      submitting={sending}
      waitFor={{
        target: { type: "enrollmentProfile", id: profile.id },
        idempotencyKey: submission.idempotencyKey,
      }}
      onConfirm={confirm}
      onDismiss={onDismiss}
      feedback={feedback}
      result={accepted === undefined ? undefined : <TokenActionResult accepted={accepted} />}
    >
      <div className={styles.section}>
        <Body1 as="p" className={styles.text}>
          {t("enrollmentProfiles.revokeDialog.stops")}
        </Body1>
        <Body1 as="p" className={styles.text}>
          {profile.enrolledDeviceCount === undefined
            ? t("enrollmentProfiles.revokeDialog.staysUnknown")
            : t("enrollmentProfiles.revokeDialog.stays", {
                count: profile.enrolledDeviceCount,
                devices: formatNumber(profile.enrolledDeviceCount, language),
              })}
        </Body1>
      </div>
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
