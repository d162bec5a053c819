import { Body1, Body1Strong, makeStyles, tokens } from "@fluentui/react-components";
import { Delete20Regular } from "@fluentui/react-icons";
import type { ActionRecord, IosVppApp, RevokeAllAppLicensesRequest } from "@ihc/contracts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ReasonField } from "../../../components/reason-field";
import { RelicenseWarning } from "../../../components/relicense-warning";
import { submissionFeedback } from "../../../components/submission-feedback";
import { SwitchOption } from "../../../components/switch-option";
import { confirmationMatches } from "@ihc/contracts";
import { TypedConfirmation } from "../../../components/typed-confirmation";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useRevokeAppLicenses } from "../api/revoke-app-licenses";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
});

export interface RevokeAllDialogProps {
  open: boolean;
  app: IosVppApp;
  onDismiss: () => void;
  onAccepted: (record: ActionRecord) => void;
}

/** "Revoke all licenses of <app>?": how many, the notify choice, a reason, the name typed. */
export function RevokeAllDialog({ open, app, onDismiss, onAccepted }: RevokeAllDialogProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const [notifyManagedDevices, setNotify] = useState(false);
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  const { mutateAsync } = useRevokeAppLicenses();
  const send = useCallback(
    (body: RevokeAllAppLicensesRequest, idempotencyKey: string) =>
      mutateAsync({ kind: "all", appId: app.id, body, idempotencyKey }),
    [mutateAsync, app.id],
  );
  const submission = useActionSubmission(send, onAccepted);
  const sending = submission.phase === "sending";
  const confirmError =
    typed.trim() === submission.sent?.confirmDisplayName
      ? submission.fieldError("body.confirmDisplayName")
      : undefined;
  const used = app.usedLicenseCount;

  const confirm = () => {
    const trimmed = reason.trim();
    submission.submit({
      notifyManagedDevices,
      confirmDisplayName: typed.trim(),
      ...(trimmed === "" ? {} : { reason: trimmed }),
    });
  };

  return (
    <ConfirmDialog
      open={open}
      title={t("apps.revokeAllDialog.title", { name: app.displayName })}
      confirmLabel={t("apps.revokeAllDialog.confirm")}
      confirmIcon={<Delete20Regular />}
      destructive
      canConfirm={confirmationMatches(typed, app.displayName) && !submission.locked}
      submitting={sending}
      waitFor={{ target: { type: "app", id: app.id }, idempotencyKey: submission.idempotencyKey }}
      onConfirm={confirm}
      onDismiss={onDismiss}
      feedback={submissionFeedback(submission, t, ["body.confirmDisplayName"])}
    >
      <div className={styles.section}>
        <Body1Strong as="p" className={styles.text}>
          {t("apps.revokeAllDialog.impact", {
            count: used,
            licenses: formatNumber(used, language),
            token: app.vppTokenDisplayName ?? "—",
          })}
        </Body1Strong>
        <Body1 as="p" className={styles.text}>
          {t("apps.revokeAllDialog.whatHappens")}
        </Body1>
      </div>
      <RelicenseWarning appId={app.id} />
      <SwitchOption
        label={t("apps.revokeDialog.notifyLabel")}
        hint={t("apps.revokeDialog.notifyHint")}
        checked={notifyManagedDevices}
        disabled={submission.locked}
        onChange={setNotify}
      />
      <ReasonField value={reason} onChange={setReason} disabled={submission.locked} />
      <TypedConfirmation
        label={t("apps.revokeAllDialog.confirmLabel")}
        expected={app.displayName}
        value={typed}
        onChange={setTyped}
        disabled={submission.locked}
        error={confirmError === undefined ? undefined : t("confirm.refused")}
      />
      <VisuallyHidden role="status">{sending ? t("actionDialog.sending") : ""}</VisuallyHidden>
    </ConfirmDialog>
  );
}
