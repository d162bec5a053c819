import type {
  ComplianceState,
  DeviceEnrollmentType,
  DeviceModel,
  DevicePlatform,
} from "../store/managed-device-record.js";

/**
 * Hardware and software the generated devices are drawn from: models and OS builds as Intune
 * reports them (Android's lower-case "samsung", Lenovo's machine-type model numbers, Windows
 * builds as 10.0.x.y), and the share of each platform, ownership and compliance state.
 */
export interface Weighted<T> {
  value: T;
  weight: number;
}

const w = <T>(value: T, weight: number): Weighted<T> => ({ value, weight });
const hw = (manufacturer: string, model: string): DeviceModel => ({ manufacturer, model });

export interface PlatformSpec {
  platform: DevicePlatform;
  /** Share of generated devices. */
  weight: number;
  /** Share of this platform's devices that are personally owned. */
  personalShare: number;
  osVersions: readonly Weighted<string>[];
  models: readonly Weighted<DeviceModel>[];
  companyEnrollment: readonly Weighted<DeviceEnrollmentType>[];
  personalEnrollment: readonly Weighted<DeviceEnrollmentType>[];
}

export const platformSpecs: Readonly<Record<DevicePlatform, PlatformSpec>> = {
  Windows: {
    platform: "Windows",
    weight: 35,
    personalShare: 0.08,
    osVersions: [
      w("10.0.26100.2314", 20),
      w("10.0.22631.4460", 35),
      w("10.0.22631.4391", 15),
      w("10.0.22621.4317", 10),
      w("10.0.19045.5131", 20),
    ],
    models: [
      w(hw("Dell Inc.", "Latitude 7440"), 20),
      w(hw("Dell Inc.", "Latitude 5540"), 12),
      w(hw("HP", "HP EliteBook 840 14 inch G10 Notebook PC"), 16),
      w(hw("LENOVO", "21HD0015US"), 14),
      w(hw("LENOVO", "20XW00GHUS"), 8),
      w(hw("Microsoft Corporation", "Surface Laptop 5"), 12),
      w(hw("Microsoft Corporation", "Surface Pro 9"), 8),
      w(hw("Dell Inc.", "OptiPlex 7010"), 10),
    ],
    companyEnrollment: [
      w("windowsAzureADJoin", 60),
      w("windowsCoManagement", 25),
      w("windowsAutoEnrollment", 15),
    ],
    personalEnrollment: [w("windowsAutoEnrollment", 1)],
  },
  iOS: {
    platform: "iOS",
    weight: 30,
    personalShare: 0.4,
    osVersions: [
      w("18.1", 30),
      w("18.0.1", 20),
      w("17.7", 20),
      w("17.6.1", 15),
      w("17.5.1", 10),
      w("16.7.10", 5),
    ],
    models: [
      w(hw("Apple", "iPhone 16 Pro"), 10),
      w(hw("Apple", "iPhone 16"), 10),
      w(hw("Apple", "iPhone 15 Pro"), 15),
      w(hw("Apple", "iPhone 15"), 20),
      w(hw("Apple", "iPhone 14"), 20),
      w(hw("Apple", "iPhone 13"), 15),
      w(hw("Apple", "iPhone SE (3rd generation)"), 10),
    ],
    companyEnrollment: [w("appleBulkWithUser", 80), w("userEnrollment", 20)],
    personalEnrollment: [w("userEnrollment", 70), w("appleAccountDrivenUserEnrollment", 30)],
  },
  Android: {
    platform: "Android",
    weight: 20,
    personalShare: 0.4,
    osVersions: [w("15", 15), w("14", 45), w("13", 25), w("12", 15)],
    models: [
      w(hw("samsung", "SM-S928B"), 15),
      w(hw("samsung", "SM-S911B"), 15),
      w(hw("samsung", "SM-A546B"), 20),
      w(hw("Google", "Pixel 8"), 15),
      w(hw("Google", "Pixel 7a"), 10),
      w(hw("motorola", "moto g84 5G"), 10),
      w(hw("Zebra Technologies", "TC52"), 15),
    ],
    companyEnrollment: [
      w("androidEnterpriseFullyManaged", 50),
      w("androidEnterpriseCorporateWorkProfile", 30),
      w("androidEnterpriseDedicatedDevice", 20),
    ],
    personalEnrollment: [w("userEnrollment", 1)],
  },
  iPadOS: {
    platform: "iPadOS",
    weight: 8,
    personalShare: 0.2,
    osVersions: [w("18.1", 35), w("17.7", 35), w("17.6.1", 20), w("16.7.10", 10)],
    models: [
      w(hw("Apple", "iPad (10th generation)"), 40),
      w(hw("Apple", "iPad Air (5th generation)"), 25),
      w(hw("Apple", "iPad Pro (11-inch) (4th generation)"), 20),
      w(hw("Apple", "iPad mini (6th generation)"), 15),
    ],
    companyEnrollment: [w("appleBulkWithUser", 85), w("userEnrollment", 15)],
    personalEnrollment: [w("userEnrollment", 1)],
  },
  macOS: {
    platform: "macOS",
    weight: 7,
    personalShare: 0.1,
    osVersions: [w("15.1", 30), w("14.7.1", 40), w("14.6.1", 15), w("13.7.1", 15)],
    models: [
      w(hw("Apple", "MacBook Pro (14-inch, Nov 2023)"), 35),
      w(hw("Apple", "MacBook Air (13-inch, M2, 2022)"), 40),
      w(hw("Apple", "MacBook Air (15-inch, M3, 2024)"), 15),
      w(hw("Apple", "iMac (24-inch, 2023)"), 10),
    ],
    companyEnrollment: [w("appleBulkWithUser", 85), w("userEnrollment", 15)],
    personalEnrollment: [w("userEnrollment", 1)],
  },
};

export const complianceStates: readonly Weighted<ComplianceState>[] = [
  w("compliant", 78),
  w("noncompliant", 12),
  w("inGracePeriod", 5),
  w("unknown", 3),
  w("error", 1),
  w("conflict", 1),
];

/** Devices per bulk user (large tenant): 0 for 15%, 1 for 45%, 2 for 25%, 3 to 6 for 15%. */
export const devicesPerUser: readonly Weighted<number>[] = [
  w(0, 15),
  w(1, 45),
  w(2, 25),
  w(3, 8),
  w(4, 4),
  w(5, 2),
  w(6, 1),
];

/** Devices a core user has besides the iPhone (and iPad) the VPP seed gave them. */
export const extraDevicesPerCoreUser: readonly Weighted<number>[] = [
  w(0, 40),
  w(1, 35),
  w(2, 17),
  w(3, 6),
  w(4, 2),
];
