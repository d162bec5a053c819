import { Badge, type BadgeProps } from "@fluentui/react-components";
import {
  ArrowSync16Regular,
  Building16Regular,
  CheckmarkCircle16Regular,
  ErrorCircle16Regular,
  Person16Regular,
  QuestionCircle16Regular,
  Warning16Regular,
} from "@fluentui/react-icons";
import type { ManagedDevice } from "@ihc/contracts";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { graphEnumLabel, unknownValueLabel } from "../lib/graph-enum-label";
import { useBadgeStyles } from "./badge-styles";

/**
 * A device's compliance, ownership and management state as badges (the user page's device
 * table, the retire dialogs, the device page).
 */

export type Look = { color: NonNullable<BadgeProps["color"]>; icon: ReactElement };

const compliance: Record<NonNullable<ManagedDevice["complianceState"]>, Look> = {
  compliant: { color: "success", icon: <CheckmarkCircle16Regular /> },
  noncompliant: { color: "danger", icon: <ErrorCircle16Regular /> },
  inGracePeriod: { color: "warning", icon: <Warning16Regular /> },
  conflict: { color: "warning", icon: <Warning16Regular /> },
  error: { color: "danger", icon: <ErrorCircle16Regular /> },
  configManager: { color: "informative", icon: <QuestionCircle16Regular /> },
  unknown: { color: "subtle", icon: <QuestionCircle16Regular /> },
};

type DeviceEnums = Partial<
  Pick<ManagedDevice, "complianceState" | "managedDeviceOwnerType" | "unrecognized">
>;

export function ComplianceBadge({ device }: { device: DeviceEnums }) {
  const { t } = useTranslation();
  const styles = useBadgeStyles();
  const state = device.complianceState ?? "unknown";
  const look = compliance[state];
  return (
    <Badge
      className={styles.wrap}
      appearance="tint"
      shape="rounded"
      color={look.color}
      icon={look.icon}
    >
      {graphEnumLabel(t, device, "complianceState", t(`users.compliance.${state}`))}
    </Badge>
  );
}

/** Personal devices stand out: retiring them leaves the owner's own data. */
export function OwnershipBadge({ device }: { device: DeviceEnums }) {
  const { t } = useTranslation();
  const styles = useBadgeStyles();
  const kind = device.managedDeviceOwnerType ?? "unknown";
  return (
    <Badge
      className={styles.wrap}
      appearance={kind === "personal" ? "filled" : "tint"}
      shape="rounded"
      color={kind === "personal" ? "warning" : kind === "company" ? "brand" : "subtle"}
      icon={kind === "personal" ? <Person16Regular /> : <Building16Regular />}
    >
      {graphEnumLabel(t, device, "managedDeviceOwnerType", t(`users.ownership.${kind}`))}
    </Badge>
  );
}

const knownStates = [
  "managed",
  "retirePending",
  "retireIssued",
  "retireFailed",
  "wipePending",
] as const;
type KnownState = (typeof knownStates)[number];
const isKnown = (state: string): state is KnownState =>
  (knownStates as readonly string[]).includes(state);

/** Intune's management state in words; a state this build does not know, as "Unknown (…)". */
export function ManagementStateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  const styles = useBadgeStyles();
  const retiring = state === "retirePending" || state === "retireIssued";
  const failed = state === "retireFailed";
  return (
    <Badge
      className={styles.wrap}
      appearance="tint"
      shape="rounded"
      color={retiring ? "warning" : failed ? "danger" : state === "managed" ? "success" : "subtle"}
      icon={retiring ? <ArrowSync16Regular /> : null}
    >
      {isKnown(state) ? t(`users.managementState.${state}`) : unknownValueLabel(t, state)}
    </Badge>
  );
}
