import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowReset20Regular } from "@fluentui/react-icons";
import {
  confirmationMatches,
  deviceConfirmationText,
  type ActionRecord,
  type DeviceDetail,
  type WipeDeviceRequest,
} from "@ihc/contracts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ReasonField } from "../../../components/reason-field";
import { submissionFeedback } from "../../../components/submission-feedback";
import { SwitchOption } from "../../../components/switch-option";
import { TypedConfirmation } from "../../../components/typed-confirmation";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useWipeDevice } from "../api/wipe-device";

const CONFIRM_FIELD = "body.confirmDevice";

const useStyles = makeStyles({
  text: { margin: 0 },
  options: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface WipeDeviceDialogProps {
  open: boolean;
  device: DeviceDetail;
  onDismiss: () => void;
  onAccepted: (record: ActionRecord) => void;
}

/**
 * "Wipe <device>?": a factory reset. The two keep options in plain words, the serial number
 * typed to confirm (Devices.Wipe; the page offers it to no one else). One POST per opening.
 */
export function WipeDeviceDialog({ open, device, onDismiss, onAccepted }: WipeDeviceDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  const [keepEnrollmentData, setKeepEnrollmentData] = useState(false);
  const [keepUserData, setKeepUserData] = useState(false);
  const { mutateAsync } = useWipeDevice();
  const send = useCallback(
    (body: WipeDeviceRequest, idempotencyKey: string) =>
      mutateAsync({ deviceId: device.id, body, idempotencyKey }),
    [mutateAsync, device.id],
  );
  const submission = useActionSubmission(send, onAccepted);
  const sending = submission.phase === "sending";
  const expected = deviceConfirmationText(device);

  return (
    <ConfirmDialog
      open={open}
      title={t("devices.wipeDialog.title", { name: device.deviceName })}
      confirmLabel={t("devices.wipeDialog.confirm")}
      confirmIcon={<ArrowReset20Regular />}
      destructive
      canConfirm={confirmationMatches(typed, expected) && !submission.locked}
      submitting={sending}
      onConfirm={() => {
        const trimmed = reason.trim();
        submission.submit({
          confirmDevice: typed.trim(),
          keepEnrollmentData,
          keepUserData,
          ...(trimmed === "" ? {} : { reason: trimmed }),
        });
      }}
      onDismiss={onDismiss}
      feedback={submissionFeedback(submission, t, [CONFIRM_FIELD])}
    >
      <Body1 as="p" className={styles.text}>
        {t("devices.wipeDialog.explain")}
      </Body1>
      <div className={styles.options}>
        <SwitchOption
          label={t("devices.wipeDialog.keepEnrollmentData")}
          hint={t("devices.wipeDialog.keepEnrollmentDataHint")}
          checked={keepEnrollmentData}
          disabled={submission.locked}
          onChange={setKeepEnrollmentData}
        />
        <SwitchOption
          label={t("devices.wipeDialog.keepUserData")}
          hint={t("devices.wipeDialog.keepUserDataHint")}
          checked={keepUserData}
          disabled={submission.locked}
          onChange={setKeepUserData}
        />
      </div>
      <ReasonField value={reason} onChange={setReason} disabled={submission.locked} />
      <TypedConfirmation
        label={
          device.serialNumber === undefined
            ? t("devices.confirmNameLabel")
            : t("devices.confirmSerialLabel")
        }
        expected={expected}
        value={typed}
        onChange={setTyped}
        disabled={submission.locked}
        error={
          submission.fieldError(CONFIRM_FIELD) === undefined
            ? undefined
            : t("devices.confirmRefused")
        }
      />
      <VisuallyHidden role="status">{sending ? t("actionDialog.sending") : ""}</VisuallyHidden>
    </ConfirmDialog>
  );
}
