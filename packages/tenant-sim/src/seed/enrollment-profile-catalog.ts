import type {
  AndroidDeviceOwnerEnrollmentMode,
  AndroidDeviceOwnerEnrollmentTokenType,
  AospWifiSecurityType,
} from "../store/enrollment-profile-records.js";

/**
 * The demo tenant's Android Enterprise enrollment profiles. Ids are fixed (whatever the seed)
 * so tests, the README and screenshots can name them; token values are derived from the id, so
 * they repeat too. Each kind has active tokens, one expiring within 14 days, one expired and
 * one without a token. Graph documents androidForWorkEnrollmentProfile as the legacy Android for
 * Work profile for COSU (dedicated) devices, so every androidForWork seed is a dedicated device.
 */
export interface EnrollmentProfileSeed {
  id: string;
  displayName: string;
  description: string;
  /** Days from the store's creation to the token's expiry; null: no token. */
  tokenExpiresInDays: number | null;
  /** How long before the store's creation the token was created. */
  tokenCreatedDaysAgo: number;
  createdDaysAgo: number;
  enrolledDeviceCount: number;
}

export interface DeviceOwnerProfileSeed extends EnrollmentProfileSeed {
  enrollmentMode: AndroidDeviceOwnerEnrollmentMode;
  enrollmentTokenType: AndroidDeviceOwnerEnrollmentTokenType;
  enrollmentTokenUsageCount: number;
  deviceNameTemplate: string | null;
  wifi?: { ssid: string; password: string; securityType: AospWifiSecurityType; hidden: boolean };
}

export const androidForWorkProfileSeeds = {
  warehouseScanners: {
    id: "d5c3a9e4-6f7b-4c8d-9e0f-3a4b5c6d7e01",
    displayName: "Corporate-owned dedicated — Warehouse scanners",
    description: "Zebra TC52 scanners in the Redmond and Reno warehouses.",
    tokenExpiresInDays: 62,
    tokenCreatedDaysAgo: 28,
    createdDaysAgo: 410,
    enrolledDeviceCount: 148,
  },
  retailKiosks: {
    id: "d5c3a9e4-6f7b-4c8d-9e0f-3a4b5c6d7e02",
    displayName: "Corporate-owned dedicated — Retail kiosks",
    description: "Self-service kiosks in the flagship stores.",
    tokenExpiresInDays: 9,
    tokenCreatedDaysAgo: 81,
    createdDaysAgo: 300,
    enrolledDeviceCount: 36,
  },
  deliveryHandhelds: {
    id: "d5c3a9e4-6f7b-4c8d-9e0f-3a4b5c6d7e03",
    displayName: "Corporate-owned dedicated — Delivery handhelds",
    description: "Proof-of-delivery handhelds for the courier fleet.",
    tokenExpiresInDays: -20,
    tokenCreatedDaysAgo: 110,
    createdDaysAgo: 520,
    enrolledDeviceCount: 212,
  },
  conferencePanels: {
    id: "d5c3a9e4-6f7b-4c8d-9e0f-3a4b5c6d7e04",
    displayName: "Corporate-owned dedicated — Conference room panels",
    description: "Room booking panels outside meeting rooms; enrol with a new token when needed.",
    tokenExpiresInDays: null,
    tokenCreatedDaysAgo: 0,
    createdDaysAgo: 200,
    enrolledDeviceCount: 54,
  },
  clinicCarts: {
    id: "d5c3a9e4-6f7b-4c8d-9e0f-3a4b5c6d7e05",
    displayName: "Corporate-owned dedicated — Clinic medication carts",
    description: "Tablets mounted on medication carts in the Contoso clinics.",
    tokenExpiresInDays: 85,
    tokenCreatedDaysAgo: 5,
    createdDaysAgo: 95,
    enrolledDeviceCount: 18,
  },
  visitorTablets: {
    id: "d5c3a9e4-6f7b-4c8d-9e0f-3a4b5c6d7e06",
    displayName: "Corporate-owned dedicated — Visitor sign-in tablets",
    description: "Lobby tablets locked to the visitor sign-in app.",
    tokenExpiresInDays: 30,
    tokenCreatedDaysAgo: 60,
    createdDaysAgo: 700,
    enrolledDeviceCount: 43,
  },
} as const satisfies Record<string, EnrollmentProfileSeed>;

export const androidDeviceOwnerProfileSeeds = {
  corporatePhones: {
    id: "e6d4b0f5-7a8c-4d9e-8f1a-4b5c6d7e8f01",
    displayName: "Fully managed — Corporate phones",
    description: "Company-issued phones for office staff.",
    enrollmentMode: "corporateOwnedFullyManaged",
    enrollmentTokenType: "default",
    tokenExpiresInDays: 75,
    tokenCreatedDaysAgo: 15,
    createdDaysAgo: 640,
    enrolledDeviceCount: 1204,
    enrollmentTokenUsageCount: 87,
    deviceNameTemplate: "CORP-{{serialnumber}}",
  },
  salesTablets: {
    id: "e6d4b0f5-7a8c-4d9e-8f1a-4b5c6d7e8f02",
    displayName: "Corporate-owned work profile — Sales tablets",
    description: "Tablets for the field sales team, personal use allowed.",
    enrollmentMode: "corporateOwnedWorkProfile",
    enrollmentTokenType: "default",
    tokenExpiresInDays: 5,
    tokenCreatedDaysAgo: 85,
    createdDaysAgo: 380,
    enrolledDeviceCount: 96,
    enrollmentTokenUsageCount: 41,
    deviceNameTemplate: null,
  },
  sharedFrontline: {
    id: "e6d4b0f5-7a8c-4d9e-8f1a-4b5c6d7e8f03",
    displayName: "Corporate-owned dedicated — Shared frontline devices",
    description: "Shared devices with Microsoft Entra shared device mode for shift workers.",
    enrollmentMode: "corporateOwnedDedicatedDevice",
    enrollmentTokenType: "corporateOwnedDedicatedDeviceWithAzureADSharedMode",
    tokenExpiresInDays: 41,
    tokenCreatedDaysAgo: 49,
    createdDaysAgo: 250,
    enrolledDeviceCount: 310,
    enrollmentTokenUsageCount: 122,
    deviceNameTemplate: "SHIFT-{{serialnumber}}",
    wifi: {
      ssid: "Contoso-Stores",
      password: "sim-only-wifi-Stores-2026",
      securityType: "wpa",
      hidden: false,
    },
  },
  stagingScanners: {
    id: "e6d4b0f5-7a8c-4d9e-8f1a-4b5c6d7e8f04",
    displayName: "Corporate-owned dedicated — Returns desk scanners (staging)",
    description: "Staged by the IT depot before shipping to the returns desks.",
    enrollmentMode: "corporateOwnedDedicatedDevice",
    enrollmentTokenType: "deviceStaging",
    tokenExpiresInDays: -3,
    tokenCreatedDaysAgo: 93,
    createdDaysAgo: 160,
    enrolledDeviceCount: 22,
    enrollmentTokenUsageCount: 22,
    deviceNameTemplate: "RET-{{serialnumber}}",
  },
  meetingHeadsets: {
    id: "e6d4b0f5-7a8c-4d9e-8f1a-4b5c6d7e8f05",
    displayName: "AOSP userless — Meeting room headsets",
    description: "Shared AR/VR headsets for the design studio.",
    enrollmentMode: "corporateOwnedAOSPUserlessDevice",
    enrollmentTokenType: "default",
    tokenExpiresInDays: null,
    tokenCreatedDaysAgo: 0,
    createdDaysAgo: 120,
    enrolledDeviceCount: 12,
    enrollmentTokenUsageCount: 0,
    deviceNameTemplate: null,
    wifi: {
      ssid: "Contoso-Studio",
      password: "sim-only-wifi-Studio-2026",
      securityType: "wpa",
      hidden: true,
    },
  },
  fieldEngineers: {
    id: "e6d4b0f5-7a8c-4d9e-8f1a-4b5c6d7e8f06",
    displayName: "AOSP user-associated — Field engineers",
    description: "Rugged AOSP devices for field engineers, each tied to its engineer.",
    enrollmentMode: "corporateOwnedAOSPUserAssociatedDevice",
    enrollmentTokenType: "default",
    tokenExpiresInDays: 22,
    tokenCreatedDaysAgo: 68,
    createdDaysAgo: 210,
    enrolledDeviceCount: 64,
    enrollmentTokenUsageCount: 19,
    deviceNameTemplate: "FIELD-{{serialnumber}}",
    wifi: {
      ssid: "Contoso-Depot",
      password: "sim-only-wifi-Depot-2026",
      securityType: "wpa",
      hidden: false,
    },
  },
} as const satisfies Record<string, DeviceOwnerProfileSeed>;

export type AndroidForWorkProfileKey = keyof typeof androidForWorkProfileSeeds;
export type AndroidDeviceOwnerProfileKey = keyof typeof androidDeviceOwnerProfileSeeds;

/** Intune's account id for the demo tenant, on every profile (`accountId`). */
export const intuneAccountId = "7e1c4b9a-2d3f-4e5a-8b6c-9d0e1f2a3b4c";

function ids<K extends string>(seeds: Record<K, { id: string }>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<{ id: string }>(seeds).map(([k, s]) => [k, s.id]),
  ) as Record<K, string>;
}

/**
 * The seeded profiles' fixed ids by kind and key, e.g.
 * `seededEnrollmentProfileIds.androidDeviceOwner.salesTablets` (token expiring within 14 days).
 */
export const seededEnrollmentProfileIds = {
  androidForWork: ids(androidForWorkProfileSeeds),
  androidDeviceOwner: ids(androidDeviceOwnerProfileSeeds),
} as const;
