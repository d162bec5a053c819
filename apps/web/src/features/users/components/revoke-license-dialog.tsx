import { Body1, Checkbox, makeStyles } from "@fluentui/react-components";
import { Delete20Regular } from "@fluentui/react-icons";
import type { ActionRecord, UserDetail, UserVppLicense } from "@ihc/contracts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ReasonField } from "../../../components/reason-field";
import { RelicenseWarning } from "../../../components/relicense-warning";
import { submissionFeedback } from "../../../components/submission-feedback";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useRevokeUserVppLicense } from "../api/revoke-user-vpp-license";

const useStyles = makeStyles({ text: { margin: 0 } });

interface RevokeInput {
  notifyManagedDevices: boolean;
  reason: string | undefined;
}

export interface RevokeLicenseDialogProps {
  open: boolean;
  user: UserDetail;
  license: UserVppLicense;
  onDismiss: () => void;
  onAccepted: (record: ActionRecord) => void;
}

/**
 * "Revoke <app> from <person>?": one license, so no typed confirmation; one POST per opening.
 * A user license goes by the user, a device license by its device.
 */
export function RevokeLicenseDialog({
  open,
  user,
  license,
  onDismiss,
  onAccepted,
}: RevokeLicenseDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [reason, setReason] = useState("");
  const [notify, setNotify] = useState(false);
  const { mutateAsync } = useRevokeUserVppLicense();
  const send = useCallback(
    (input: RevokeInput, idempotencyKey: string) =>
      mutateAsync({ userId: user.id, license, ...input, idempotencyKey }),
    [mutateAsync, user.id, license],
  );
  const submission = useActionSubmission(send, onAccepted);
  const sending = submission.phase === "sending";
  const onDevice = license.kind === "device";

  return (
    <ConfirmDialog
      open={open}
      title={t("users.revokeDialog.title", {
        app: license.appDisplayName,
        name: user.displayName,
      })}
      confirmLabel={t("users.revokeDialog.confirm")}
      confirmIcon={<Delete20Regular />}
      destructive
      canConfirm={!submission.locked}
      submitting={sending}
      onConfirm={() => {
        const trimmed = reason.trim();
        submission.submit({
          notifyManagedDevices: notify,
          reason: trimmed === "" ? undefined : trimmed,
        });
      }}
      onDismiss={onDismiss}
      feedback={submissionFeedback(submission, t)}
    >
      <Body1 as="p" className={styles.text}>
        {onDevice
          ? t("users.revokeDialog.device", {
              app: license.appDisplayName,
              device: license.deviceName ?? license.managedDeviceId ?? "",
            })
          : t("users.revokeDialog.user", {
              app: license.appDisplayName,
              name: user.displayName,
            })}
      </Body1>
      <RelicenseWarning appId={license.appId} />
      <Checkbox
        checked={notify}
        disabled={submission.locked}
        label={t("users.revokeDialog.notify")}
        onChange={(_event, data) => {
          setNotify(data.checked === true);
        }}
      />
      <ReasonField value={reason} onChange={setReason} disabled={submission.locked} />
      <VisuallyHidden role="status">{sending ? t("actionDialog.sending") : ""}</VisuallyHidden>
    </ConfirmDialog>
  );
}
