import { Body1, Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { PhoneLaptop20Regular } from "@fluentui/react-icons";
import type {
  ActionRecord,
  ManagedDevice,
  RetireAllDevicesRequest,
  UserDetail,
} from "@ihc/contracts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ReasonField } from "../../../components/reason-field";
import { RetireEffectNote } from "../../../components/retire-effect-note";
import { submissionFeedback } from "../../../components/submission-feedback";
import { confirmationMatches, retireEffectOf } from "@ihc/contracts";
import { TypedConfirmation } from "../../../components/typed-confirmation";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useRetireAllDevices } from "../api/retire-all-devices";
import { OwnershipBadge } from "../../../components/device-state-badges";
import { hardwareOf, osOf } from "./device-table";

const CONFIRM_FIELD = "body.confirmUserPrincipalName";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  devices: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    maxHeight: "240px",
    overflowY: "auto",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  device: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) max-content",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ":not(:last-child)": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  deviceText: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 240px), 1fr))",
    gap: tokens.spacingHorizontalL,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface RetireAllDevicesDialogProps {
  open: boolean;
  user: UserDetail;
  /** Every device the retire will reach, as the agent sees them now. */
  devices: readonly ManagedDevice[];
  onDismiss: () => void;
  onAccepted: (record: ActionRecord, devices: readonly ManagedDevice[]) => void;
}

/**
 * "Retire all of <name>'s devices?": each device by name (personal ones flagged), what retire
 * removes and what it leaves, an optional reason, the UPN typed to confirm. One POST per opening
 * (one Idempotency-Key); nothing can change while it is in flight.
 */
export function RetireAllDevicesDialog({
  open,
  user,
  devices,
  onDismiss,
  onAccepted,
}: RetireAllDevicesDialogProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  // The list the agent confirmed, kept as it was when the dialog opened; personal devices
  // first, so the ones whose owner keeps their own data are seen before anything else.
  const [shown] = useState(() =>
    [...devices].sort(
      (a, b) =>
        Number(b.managedDeviceOwnerType === "personal") -
        Number(a.managedDeviceOwnerType === "personal"),
    ),
  );

  const { mutateAsync } = useRetireAllDevices();
  const send = useCallback(
    (body: RetireAllDevicesRequest, idempotencyKey: string) =>
      mutateAsync({ userId: user.id, body, idempotencyKey }),
    [mutateAsync, user.id],
  );
  const accepted = useCallback(
    (record: ActionRecord) => {
      onAccepted(record, shown);
    },
    [onAccepted, shown],
  );
  const submission = useActionSubmission(send, accepted);
  const matches = confirmationMatches(typed, user.userPrincipalName);
  const confirmError =
    typed.trim() === submission.sent?.confirmUserPrincipalName
      ? submission.fieldError(CONFIRM_FIELD)
      : undefined;
  const sending = submission.phase === "sending";
  const personal = shown.filter((device) => device.managedDeviceOwnerType === "personal").length;
  // One Graph call retires them all: a device retire would reset, or that Intune cannot retire,
  // is handled alone from its page (ADR 0023). The BFF refuses the same.
  const blocked = shown.filter((device) => {
    const effect = retireEffectOf(device);
    return effect === "refused" || effect === "factoryReset";
  });

  const confirm = () => {
    const trimmedReason = reason.trim();
    submission.submit({
      confirmUserPrincipalName: typed.trim(),
      confirmDeviceIds: shown.map((device) => device.id),
      ...(trimmedReason === "" ? {} : { reason: trimmedReason }),
    });
  };

  return (
    <ConfirmDialog
      open={open}
      title={t("users.retireDialog.title", { name: user.displayName })}
      confirmLabel={t("users.retireDialog.confirm", { count: shown.length })}
      confirmIcon={<PhoneLaptop20Regular />}
      destructive
      canConfirm={blocked.length === 0 && matches && !submission.locked}
      submitting={sending}
      onConfirm={confirm}
      onDismiss={onDismiss}
      feedback={submissionFeedback(submission, t, [CONFIRM_FIELD])}
    >
      <div className={styles.section}>
        <Body1Strong as="p" className={styles.text}>
          {t("users.retireDialog.devices", {
            count: shown.length,
            devices: formatNumber(shown.length, language),
          })}
        </Body1Strong>
        <ul className={styles.devices} aria-label={t("users.retireDialog.devicesLabel")}>
          {shown.map((device) => (
            <li key={device.id} className={styles.device}>
              <span className={styles.deviceText}>
                <Body1>{device.deviceName}</Body1>
                <Caption1 className={styles.muted}>
                  {[osOf(device), hardwareOf(device), device.serialNumber]
                    .filter((part) => part !== undefined && part !== "")
                    .join(" · ")}
                </Caption1>
                <RetireEffectNote device={device} />
              </span>
              <OwnershipBadge device={device} />
            </li>
          ))}
        </ul>
        {blocked.length > 0 ? (
          <Body1Strong as="p" className={styles.text}>
            {t("users.retireDialog.blocked", {
              count: blocked.length,
              devices: blocked.map((device) => device.deviceName).join(", "),
            })}
          </Body1Strong>
        ) : null}
        {personal > 0 ? (
          <Body1 as="p" className={styles.text}>
            {shown.length === 1
              ? t("users.retireDialog.personalOnly")
              : t("users.retireDialog.personal", {
                  count: personal,
                  devices: formatNumber(personal, language),
                })}
          </Body1>
        ) : null}
      </div>
      <div className={styles.columns}>
        <div className={styles.section}>
          <Body1Strong as="p" className={styles.text}>
            {t("users.retireDialog.removesTitle")}
          </Body1Strong>
          <ul className={styles.list}>
            <li>{t("users.retireDialog.removesData")}</li>
            <li>{t("users.retireDialog.removesApps")}</li>
            <li>{t("users.retireDialog.removesProfiles")}</li>
            <li>{t("users.retireDialog.removesManagement")}</li>
          </ul>
        </div>
        <div className={styles.section}>
          <Body1Strong as="p" className={styles.text}>
            {t("users.retireDialog.keepsTitle")}
          </Body1Strong>
          <ul className={styles.list}>
            <li>{t("users.retireDialog.keepsDevice")}</li>
            <li>{t("users.retireDialog.keepsPersonal")}</li>
          </ul>
        </div>
      </div>
      <ReasonField value={reason} onChange={setReason} disabled={submission.locked} />
      <TypedConfirmation
        label={t("users.retireDialog.confirmLabel")}
        expected={user.userPrincipalName}
        value={typed}
        onChange={setTyped}
        disabled={submission.locked}
        error={confirmError === undefined ? undefined : t("users.retireDialog.confirmRefused")}
      />
      <VisuallyHidden role="status">{sending ? t("actionDialog.sending") : ""}</VisuallyHidden>
    </ConfirmDialog>
  );
}
