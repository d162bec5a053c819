import { Body1, Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { PersonDelete20Regular } from "@fluentui/react-icons";
import {
  confirmationMatches,
  offboardBlockersOf,
  type ActionRecord,
  type ManagedDevice,
  type OffboardRequest,
  type UserDetail,
  type UserVppLicense,
} from "@ihc/contracts";
import { useCallback, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { OwnershipBadge } from "../../../components/device-state-badges";
import { ReasonField } from "../../../components/reason-field";
import { RetireEffectNote } from "../../../components/retire-effect-note";
import { submissionFeedback } from "../../../components/submission-feedback";
import { SwitchOption } from "../../../components/switch-option";
import { TypedConfirmation } from "../../../components/typed-confirmation";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useOffboardUser } from "../api/offboard-user";
import { useRevokeAllUserLicenses } from "../api/revoke-all-user-licenses";
import { hardwareOf, osOf } from "./device-table";

const CONFIRM_FIELD = "body.confirmUserPrincipalName";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    maxHeight: "320px",
    overflowY: "auto",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) max-content",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ":not(:last-child)": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  rowText: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  count: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
});

/** The two kinds of ADR 0030: a leaver offboarded, or only their VPP licenses taken back. */
export type OffboardingKind = "user.offboard" | "user.revoke-all-licenses";

export interface OffboardingDialogProps {
  kind: OffboardingKind;
  open: boolean;
  user: UserDetail;
  /** Every device of the user (offboard only), as the agent sees them now. */
  devices: readonly ManagedDevice[];
  licenses: readonly UserVppLicense[];
  onDismiss: () => void;
  onAccepted: (record: ActionRecord) => void;
  /** What became of the accepted action, live (shown instead of the form). */
  result: (record: ActionRecord) => ReactNode;
}

interface AppGroup {
  appId: string;
  appName: string;
  licenses: UserVppLicense[];
}

const groupByApp = (licenses: readonly UserVppLicense[]): AppGroup[] => {
  const groups = new Map<string, AppGroup>();
  for (const license of licenses) {
    const group = groups.get(license.appId) ?? {
      appId: license.appId,
      appName: license.appDisplayName,
      licenses: [],
    };
    group.licenses.push(license);
    groups.set(license.appId, group);
  }
  return [...groups.values()].sort((a, b) => a.appName.localeCompare(b.appName));
};

/**
 * "Offboard <name>?" (ADR 0030): every device with what retire does to it, every VPP license by
 * app, the notify choice, a reason, the UPN typed. Without devices for "Revoke all of this
 * user's licenses". A device retire would reset or Intune cannot retire is named and blocks the
 * confirm, as "retire all devices" does. One POST per opening (one Idempotency-Key); once
 * accepted, the dialog shows each item's progress live.
 */
export function OffboardingDialog({
  kind,
  open,
  user,
  devices,
  licenses,
  onDismiss,
  onAccepted,
  result,
}: OffboardingDialogProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const n = (value: number) => formatNumber(value, language);
  const withDevices = kind === "user.offboard";
  const [notifyManagedDevices, setNotify] = useState(false);
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  // What the agent confirms, kept as it was when the dialog opened: the BFF refuses (409) if
  // the user's devices or licenses changed since.
  const [shownDevices] = useState(() => (withDevices ? [...devices] : []));
  const [shownLicenses] = useState(() => [...licenses]);
  const groups = groupByApp(shownLicenses);

  const offboard = useOffboardUser().mutateAsync;
  const revokeAll = useRevokeAllUserLicenses().mutateAsync;
  const mutateAsync = withDevices ? offboard : revokeAll;
  const send = useCallback(
    (body: OffboardRequest, idempotencyKey: string) =>
      mutateAsync({ userId: user.id, body, idempotencyKey }),
    [mutateAsync, user.id],
  );
  const submission = useActionSubmission(send, onAccepted);
  const sending = submission.phase === "sending";
  const matches = confirmationMatches(typed, user.userPrincipalName);
  const confirmError =
    typed.trim() === submission.sent?.confirmUserPrincipalName
      ? submission.fieldError(CONFIRM_FIELD)
      : undefined;
  const { refused, factoryReset } = offboardBlockersOf(shownDevices);
  const blocked = [...refused, ...factoryReset];
  const nothing = shownDevices.length === 0 && shownLicenses.length === 0;

  const confirm = () => {
    const trimmed = reason.trim();
    submission.submit({
      confirmUserPrincipalName: typed.trim(),
      ...(withDevices ? { confirmDeviceIds: shownDevices.map((device) => device.id) } : {}),
      confirmLicenseCount: shownLicenses.length,
      notifyManagedDevices,
      ...(trimmed === "" ? {} : { reason: trimmed }),
    });
  };

  const licenseWho = (license: UserVppLicense): string =>
    license.kind === "user"
      ? t("users.offboard.userLicense", { upn: user.userPrincipalName })
      : t("users.offboard.deviceLicense", {
          device: license.deviceName ?? license.managedDeviceId ?? "—",
        });

  return (
    <ConfirmDialog
      open={open}
      title={
        withDevices
          ? t("users.offboard.title", { name: user.displayName })
          : t("users.offboard.licensesTitle", { name: user.displayName })
      }
      confirmLabel={
        withDevices
          ? t("users.offboard.confirm")
          : t("users.offboard.licensesConfirm", {
              count: shownLicenses.length,
              licenses: n(shownLicenses.length),
            })
      }
      confirmIcon={<PersonDelete20Regular />}
      destructive
      canConfirm={!nothing && blocked.length === 0 && matches && !submission.locked}
      submitting={sending}
      waitFor={{ target: { type: "user", id: user.id }, idempotencyKey: submission.idempotencyKey }}
      onConfirm={confirm}
      onDismiss={onDismiss}
      feedback={submissionFeedback(submission, t, [CONFIRM_FIELD])}
      result={submission.accepted === undefined ? undefined : result(submission.accepted)}
    >
      {withDevices ? (
        <div className={styles.section}>
          <Body1Strong as="p" className={styles.text}>
            {shownDevices.length === 0
              ? t("users.offboard.noDevices")
              : t("users.offboard.devices", {
                  count: shownDevices.length,
                  devices: n(shownDevices.length),
                })}
          </Body1Strong>
          {shownDevices.length === 0 ? null : (
            <ul className={styles.list} aria-label={t("users.offboard.devicesLabel")}>
              {shownDevices.map((device) => (
                <li key={device.id} className={styles.row}>
                  <span className={styles.rowText}>
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
          )}
          {blocked.length > 0 ? (
            <Body1Strong as="p" className={styles.text}>
              {t("users.retireDialog.blocked", {
                count: blocked.length,
                devices: blocked.map((device) => device.deviceName).join(", "),
              })}
            </Body1Strong>
          ) : null}
        </div>
      ) : null}
      <div className={styles.section}>
        <Body1Strong as="p" className={styles.text}>
          {shownLicenses.length === 0
            ? t("users.offboard.noLicenses")
            : t("users.offboard.licenses", {
                count: shownLicenses.length,
                licenses: n(shownLicenses.length),
                apps: n(groups.length),
              })}
        </Body1Strong>
        {groups.length === 0 ? null : (
          <ul className={styles.list} aria-label={t("users.offboard.licensesLabel")}>
            {groups.map((group) => (
              <li key={group.appId} className={styles.row} data-app-id={group.appId}>
                <span className={styles.rowText}>
                  <Body1>{group.appName}</Body1>
                  {group.licenses.map((license) => (
                    <Caption1
                      key={`${license.kind}:${license.managedDeviceId ?? ""}`}
                      className={styles.muted}
                    >
                      {licenseWho(license)}
                    </Caption1>
                  ))}
                </span>
                <Caption1 className={styles.count}>
                  {t("users.offboard.appLicenses", {
                    count: group.licenses.length,
                    licenses: n(group.licenses.length),
                  })}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
        <Body1 as="p" className={styles.text}>
          {withDevices ? t("users.offboard.whatHappens") : t("users.offboard.licensesWhatHappens")}
        </Body1>
      </div>
      {shownLicenses.length === 0 ? null : (
        <SwitchOption
          label={t("apps.revokeDialog.notifyLabel")}
          hint={t("apps.revokeDialog.notifyHint")}
          checked={notifyManagedDevices}
          disabled={submission.locked}
          onChange={setNotify}
        />
      )}
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
