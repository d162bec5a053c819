import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Regular, Info16Regular, Warning16Regular } from "@fluentui/react-icons";
import { retireEffectOf, type ManagedDevice, type RetireEffect } from "@ihc/contracts";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  note: { display: "inline-flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS },
  icon: { flexShrink: 0, marginTop: "2px" },
  info: { color: tokens.colorNeutralForeground2 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  danger: { color: tokens.colorPaletteRedForeground1 },
});

const iconOf: Record<RetireEffect, typeof Info16Regular> = {
  removesCompanyData: Info16Regular,
  removesWorkProfile: Info16Regular,
  factoryReset: Warning16Regular,
  refused: ErrorCircle16Regular,
};

/**
 * What retire will do to this device, in one line, from the contracts' rule (ADR 0023): every
 * retire dialog shows it per device.
 */
export function RetireEffectNote({ device }: { device: ManagedDevice }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const effect = retireEffectOf(device);
  const Icon = iconOf[effect];
  const tone =
    effect === "refused" ? styles.danger : effect === "factoryReset" ? styles.warning : styles.info;
  return (
    <Caption1 className={`${styles.note} ${tone}`}>
      <Icon aria-hidden className={styles.icon} />
      {t(`retireEffect.${effect}`)}
    </Caption1>
  );
}

const ENROLLMENT_TYPES = [
  "androidEnterpriseCorporateWorkProfile",
  "androidEnterpriseFullyManaged",
  "androidEnterpriseDedicatedDevice",
  "userEnrollment",
  "appleBulkWithUser",
  "appleBulkWithoutUser",
  "appleAccountDrivenUserEnrollment",
  "windowsAzureADJoin",
  "windowsAutoEnrollment",
  "windowsCoManagement",
] as const;
type KnownEnrollmentType = (typeof ENROLLMENT_TYPES)[number];
const isKnownEnrollmentType = (type: string): type is KnownEnrollmentType =>
  (ENROLLMENT_TYPES as readonly string[]).includes(type);

/** The enrollment type in words ("Android Enterprise — fully managed"), or Graph's own value. */
export function useEnrollmentWords(): (device: ManagedDevice) => string {
  const { t } = useTranslation();
  return (device) => {
    const type = device.deviceEnrollmentType;
    if (type === undefined) return t("common.notSet");
    // Graph has no type of its own for an Android personally owned work profile.
    if (
      type === "userEnrollment" &&
      device.operatingSystem?.toLowerCase() === "android" &&
      device.managedDeviceOwnerType === "personal"
    ) {
      return t("enrollmentTypes.androidWorkProfile");
    }
    return isKnownEnrollmentType(type) ? t(`enrollmentTypes.${type}`) : type;
  };
}
