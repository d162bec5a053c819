import { Body1, makeStyles } from "@fluentui/react-components";
import { ArrowSync20Regular } from "@fluentui/react-icons";
import type { ActionRecord, DeviceDetail, SyncDeviceRequest } from "@ihc/contracts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ReasonField } from "../../../components/reason-field";
import { submissionFeedback } from "../../../components/submission-feedback";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useSyncDevice } from "../api/sync-device";

const useStyles = makeStyles({ text: { margin: 0 } });

export interface SyncDeviceDialogProps {
  open: boolean;
  device: DeviceDetail;
  onDismiss: () => void;
  onAccepted: (record: ActionRecord) => void;
}

/** "Sync <device> now?": not destructive, no typed confirmation; one POST per opening. */
export function SyncDeviceDialog({ open, device, onDismiss, onAccepted }: SyncDeviceDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [reason, setReason] = useState("");
  const { mutateAsync } = useSyncDevice();
  const send = useCallback(
    (body: SyncDeviceRequest, idempotencyKey: string) =>
      mutateAsync({ deviceId: device.id, body, idempotencyKey }),
    [mutateAsync, device.id],
  );
  const submission = useActionSubmission(send, onAccepted);
  const sending = submission.phase === "sending";
  return (
    <ConfirmDialog
      open={open}
      title={t("devices.syncDialog.title", { name: device.deviceName })}
      confirmLabel={t("devices.syncDialog.confirm")}
      confirmIcon={<ArrowSync20Regular />}
      canConfirm={!submission.locked}
      submitting={sending}
      onConfirm={() => {
        const trimmed = reason.trim();
        submission.submit(trimmed === "" ? {} : { reason: trimmed });
      }}
      onDismiss={onDismiss}
      feedback={submissionFeedback(submission, t)}
    >
      <Body1 as="p" className={styles.text}>
        {t("devices.syncDialog.explain")}
      </Body1>
      <ReasonField value={reason} onChange={setReason} disabled={submission.locked} />
      <VisuallyHidden role="status">{sending ? t("actionDialog.sending") : ""}</VisuallyHidden>
    </ConfirmDialog>
  );
}
