import { Body1, makeStyles } from "@fluentui/react-components";
import { ArrowSync20Regular } from "@fluentui/react-icons";
import type { ActionRecord, SyncVppLicensesRequest, VppToken } from "@ihc/contracts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ReasonField } from "../../../components/reason-field";
import { submissionFeedback } from "../../../components/submission-feedback";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useSyncVppLicenses } from "../api/sync-vpp-licenses";

const useStyles = makeStyles({ text: { margin: 0 } });

export interface SyncLicensesDialogProps {
  open: boolean;
  token: VppToken;
  onDismiss: () => void;
  onAccepted: (record: ActionRecord) => void;
}

/** "Sync licenses of <name>?": nothing is taken away, so no typed confirmation. */
export function SyncLicensesDialog({
  open,
  token,
  onDismiss,
  onAccepted,
}: SyncLicensesDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [reason, setReason] = useState("");
  const { mutateAsync } = useSyncVppLicenses();
  const send = useCallback(
    (body: SyncVppLicensesRequest, idempotencyKey: string) =>
      mutateAsync({ tokenId: token.id, body, idempotencyKey }),
    [mutateAsync, token.id],
  );
  const submission = useActionSubmission(send, onAccepted);
  const sending = submission.phase === "sending";
  const feedback = submissionFeedback(submission, t);

  return (
    <ConfirmDialog
      open={open}
      title={t("vppTokens.syncDialog.title", { name: token.displayName })}
      confirmLabel={t("vppTokens.syncDialog.confirm")}
      confirmIcon={<ArrowSync20Regular />}
      canConfirm={!submission.locked}
      submitting={sending}
      onConfirm={() => {
        const trimmed = reason.trim();
        submission.submit(trimmed === "" ? {} : { reason: trimmed });
      }}
      onDismiss={onDismiss}
      feedback={feedback}
    >
      <Body1 as="p" className={styles.text}>
        {t("vppTokens.syncDialog.body")}
      </Body1>
      <ReasonField value={reason} onChange={setReason} disabled={submission.locked} />
      <VisuallyHidden role="status">{sending ? t("actionDialog.sending") : ""}</VisuallyHidden>
    </ConfirmDialog>
  );
}
