import { Body1, Body1Strong, makeStyles, tokens } from "@fluentui/react-components";
import { PhoneLaptop20Regular } from "@fluentui/react-icons";
import {
  confirmationMatches,
  deviceConfirmationText,
  retireEffectOf,
  retireNeedsWipeCare,
  type ActionRecord,
  type DeviceDetail,
  type RetireDeviceRequest,
} from "@ihc/contracts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ReasonField } from "../../../components/reason-field";
import { RetireEffectNote } from "../../../components/retire-effect-note";
import { submissionFeedback } from "../../../components/submission-feedback";
import { TypedConfirmation } from "../../../components/typed-confirmation";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useRetireDevice } from "../api/retire-device";

const CONFIRM_FIELD = "body.confirmDevice";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface RetireDeviceDialogProps {
  open: boolean;
  device: DeviceDetail;
  /** Devices.Wipe: needed where retiring resets the device. */
  mayWipe: boolean;
  onDismiss: () => void;
  onAccepted: (record: ActionRecord) => void;
}

/**
 * "Retire <device>?": what retire does to this device by how it was enrolled (ADR 0023). A
 * work profile or company data is removed and the device keeps working; where retire resets the
 * device, the wipe's care (Devices.Wipe, its serial typed); where Intune cannot retire it, the
 * reason and no button. One POST per opening.
 */
export function RetireDeviceDialog({
  open,
  device,
  mayWipe,
  onDismiss,
  onAccepted,
}: RetireDeviceDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  const effect = retireEffectOf(device);
  const careful = retireNeedsWipeCare(effect);
  const { mutateAsync } = useRetireDevice();
  const send = useCallback(
    (body: RetireDeviceRequest, idempotencyKey: string) =>
      mutateAsync({ deviceId: device.id, body, idempotencyKey }),
    [mutateAsync, device.id],
  );
  const submission = useActionSubmission(send, onAccepted);
  const sending = submission.phase === "sending";
  const expected = deviceConfirmationText(device);
  const allowed = effect !== "refused" && (!careful || mayWipe);
  const confirmed = !careful || confirmationMatches(typed, expected);

  return (
    <ConfirmDialog
      open={open}
      title={t("devices.retireDialog.title", { name: device.deviceName })}
      confirmLabel={
        careful ? t("devices.retireDialog.confirmReset") : t("devices.retireDialog.confirm")
      }
      confirmIcon={<PhoneLaptop20Regular />}
      destructive
      canConfirm={allowed && confirmed && !submission.locked}
      submitting={sending}
      onConfirm={() => {
        const trimmed = reason.trim();
        submission.submit({
          ...(careful ? { confirmDevice: typed.trim() } : {}),
          ...(trimmed === "" ? {} : { reason: trimmed }),
        });
      }}
      onDismiss={onDismiss}
      feedback={submissionFeedback(submission, t, [CONFIRM_FIELD])}
    >
      <div className={styles.section}>
        <Body1Strong as="p" className={styles.text}>
          {t("devices.retireDialog.whatHappens")}
        </Body1Strong>
        <RetireEffectNote device={device} />
        <Body1 as="p" className={styles.text}>
          {t(`devices.retireDialog.explain.${effect}`)}
        </Body1>
        {careful && !mayWipe ? (
          <Body1 as="p" className={styles.text}>
            {t("devices.retireDialog.needsWipeRole")}
          </Body1>
        ) : null}
      </div>
      {allowed ? (
        <>
          <ReasonField value={reason} onChange={setReason} disabled={submission.locked} />
          {careful ? (
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
          ) : null}
        </>
      ) : null}
      <VisuallyHidden role="status">{sending ? t("actionDialog.sending") : ""}</VisuallyHidden>
    </ConfirmDialog>
  );
}
