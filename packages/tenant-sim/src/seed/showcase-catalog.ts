import type {
  ComplianceState,
  DeviceEnrollmentType,
  DeviceModel,
  DevicePlatform,
  ManagedDeviceOwnerType,
} from "../store/managed-device-record.js";

/**
 * Users every tenant size has, with fixed ids and fixed devices, for the cases a directory
 * search and a "retire all devices" flow must get right: apostrophes, `&`, `#`, `$`, accents,
 * Cyrillic and Chinese names, a user with no devices, one with six, a disabled leaver, a kiosk
 * account. Ids are fixed whatever the seed; device dates count back from the store's creation.
 */
export interface ShowcaseDeviceSeed {
  id: string;
  platform: DevicePlatform;
  hardware: DeviceModel;
  osVersion: string;
  deviceName: string;
  ownerType: ManagedDeviceOwnerType;
  enrollmentType: DeviceEnrollmentType;
  complianceState: ComplianceState;
  enrolledDaysAgo: number;
  lastSyncHoursAgo: number;
}

export interface ShowcaseUserSeed {
  id: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  /** The part before the tenant's domain. */
  alias: string;
  hasMailbox: boolean;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string;
  usageLocation: string;
  preferredLanguage: string;
  accountEnabled: boolean;
  businessPhones: readonly string[];
  mobilePhone: string | null;
  createdDateTime: string;
  devices: Readonly<Record<string, ShowcaseDeviceSeed>>;
}

const userId = (n: number): string => `5d1c0a7e-3b2f-4e6a-9c1d-5e00000000${pad(n)}`;
const deviceId = (user: number, device: number): string =>
  `6e2d1b8f-4c3a-4f7b-8d2e-6f0000${pad(user)}00${pad(device)}`;
const pad = (n: number): string => String(n).padStart(2, "0");

const device = (
  user: number,
  n: number,
  seed: Omit<ShowcaseDeviceSeed, "id">,
): ShowcaseDeviceSeed => ({ id: deviceId(user, n), ...seed });

export const showcaseUserSeeds = {
  siobhanOBrien: {
    id: userId(1),
    displayName: "Siobhán O'Brien",
    givenName: "Siobhán",
    surname: "O'Brien",
    // Entra ID allows an apostrophe in a UPN; filters must double it, URLs encode it.
    alias: "siobhan.o'brien",
    hasMailbox: true,
    jobTitle: "Controller",
    department: "Finance",
    officeLocation: "Dublin",
    usageLocation: "IE",
    preferredLanguage: "en-IE",
    accountEnabled: true,
    businessPhones: ["+353 1 555 0142"],
    mobilePhone: "+353 87 555 0142",
    createdDateTime: "2020-09-14T08:12:44Z",
    devices: {
      iphone: device(1, 1, {
        platform: "iOS",
        hardware: { manufacturer: "Apple", model: "iPhone 15" },
        osVersion: "18.1",
        deviceName: "Siobhán's iPhone",
        ownerType: "company",
        enrollmentType: "appleBulkWithUser",
        complianceState: "compliant",
        enrolledDaysAgo: 210,
        lastSyncHoursAgo: 3,
      }),
      laptop: device(1, 2, {
        platform: "Windows",
        hardware: { manufacturer: "Dell Inc.", model: "Latitude 7440" },
        osVersion: "10.0.22631.4460",
        deviceName: "CONTOSO-LT-0142",
        ownerType: "company",
        enrollmentType: "windowsAzureADJoin",
        complianceState: "noncompliant",
        enrolledDaysAgo: 400,
        lastSyncHoursAgo: 26,
      }),
    },
  },
  joseNunez: {
    id: userId(2),
    displayName: "José Ñuñez",
    givenName: "José",
    surname: "Ñuñez",
    alias: "jose.nunez",
    hasMailbox: true,
    jobTitle: "Sales representative",
    department: "Sales",
    officeLocation: "Madrid",
    usageLocation: "ES",
    preferredLanguage: "es-ES",
    accountEnabled: true,
    businessPhones: ["+34 91 555 0177"],
    mobilePhone: null,
    createdDateTime: "2022-02-01T07:30:00Z",
    devices: {
      android: device(2, 1, {
        platform: "Android",
        hardware: { manufacturer: "samsung", model: "SM-A546B" },
        osVersion: "14",
        deviceName: "Galaxy A54 5G",
        ownerType: "personal",
        enrollmentType: "userEnrollment",
        complianceState: "compliant",
        enrolledDaysAgo: 95,
        lastSyncHoursAgo: 7,
      }),
    },
  },
  zoeMuller: {
    id: userId(3),
    displayName: "Zoë Müller-Lüdenscheidt",
    givenName: "Zoë",
    surname: "Müller-Lüdenscheidt",
    alias: "zoe.muller-ludenscheidt",
    hasMailbox: true,
    jobTitle: "Software engineer",
    department: "Engineering",
    officeLocation: "Berlin",
    usageLocation: "DE",
    preferredLanguage: "de-DE",
    accountEnabled: true,
    businessPhones: [],
    mobilePhone: null,
    createdDateTime: "2023-06-19T09:00:00Z",
    devices: {},
  },
  lukaszWisniewski: {
    id: userId(4),
    displayName: "Łukasz Wiśniewski",
    givenName: "Łukasz",
    surname: "Wiśniewski",
    alias: "lukasz.wisniewski",
    hasMailbox: true,
    jobTitle: "Systems administrator",
    department: "IT",
    officeLocation: "Warsaw",
    usageLocation: "PL",
    preferredLanguage: "pl-PL",
    accountEnabled: true,
    businessPhones: ["+48 22 555 0190"],
    mobilePhone: "+48 601 555 190",
    createdDateTime: "2019-11-04T10:45:12Z",
    devices: {
      iphone: device(4, 1, {
        platform: "iOS",
        hardware: { manufacturer: "Apple", model: "iPhone 16 Pro" },
        osVersion: "18.1",
        deviceName: "Łukasz's iPhone",
        ownerType: "company",
        enrollmentType: "appleBulkWithUser",
        complianceState: "compliant",
        enrolledDaysAgo: 40,
        lastSyncHoursAgo: 1,
      }),
      ipad: device(4, 2, {
        platform: "iPadOS",
        hardware: { manufacturer: "Apple", model: "iPad Air (5th generation)" },
        osVersion: "17.7",
        deviceName: "Łukasz's iPad",
        ownerType: "company",
        enrollmentType: "appleBulkWithUser",
        complianceState: "compliant",
        enrolledDaysAgo: 380,
        lastSyncHoursAgo: 30,
      }),
      laptop: device(4, 3, {
        platform: "Windows",
        hardware: { manufacturer: "Microsoft Corporation", model: "Surface Laptop 5" },
        osVersion: "10.0.26100.2314",
        deviceName: "CONTOSO-LT-0190",
        ownerType: "company",
        enrollmentType: "windowsAzureADJoin",
        complianceState: "compliant",
        enrolledDaysAgo: 300,
        lastSyncHoursAgo: 2,
      }),
      mac: device(4, 4, {
        platform: "macOS",
        hardware: { manufacturer: "Apple", model: "MacBook Air (13-inch, M2, 2022)" },
        osVersion: "14.7.1",
        deviceName: "Łukasz's MacBook Air",
        ownerType: "personal",
        enrollmentType: "userEnrollment",
        complianceState: "inGracePeriod",
        enrolledDaysAgo: 60,
        lastSyncHoursAgo: 50,
      }),
      android: device(4, 5, {
        platform: "Android",
        hardware: { manufacturer: "Google", model: "Pixel 8" },
        osVersion: "15",
        deviceName: "Pixel 8",
        ownerType: "personal",
        enrollmentType: "userEnrollment",
        complianceState: "noncompliant",
        enrolledDaysAgo: 20,
        lastSyncHoursAgo: 9,
      }),
    },
  },
  sergeyIvanov: {
    id: userId(5),
    displayName: "Сергей Иванов",
    givenName: "Сергей",
    surname: "Иванов",
    alias: "sergey.ivanov",
    hasMailbox: true,
    jobTitle: "Operations manager",
    department: "Operations",
    officeLocation: "Tallinn",
    usageLocation: "EE",
    preferredLanguage: "ru-RU",
    accountEnabled: true,
    businessPhones: ["+372 555 0123"],
    mobilePhone: "+372 5555 0123",
    createdDateTime: "2021-04-12T06:20:00Z",
    devices: {
      laptop: device(5, 1, {
        platform: "Windows",
        hardware: { manufacturer: "LENOVO", model: "21HD0015US" },
        osVersion: "10.0.22631.4391",
        deviceName: "CONTOSO-LT-0123",
        ownerType: "company",
        enrollmentType: "windowsCoManagement",
        complianceState: "compliant",
        enrolledDaysAgo: 520,
        lastSyncHoursAgo: 4,
      }),
      android: device(5, 2, {
        platform: "Android",
        hardware: { manufacturer: "samsung", model: "SM-S911B" },
        osVersion: "14",
        deviceName: "Galaxy S23",
        ownerType: "company",
        enrollmentType: "androidEnterpriseFullyManaged",
        complianceState: "compliant",
        enrolledDaysAgo: 150,
        lastSyncHoursAgo: 5,
      }),
    },
  },
  liNa: {
    id: userId(6),
    displayName: "李娜",
    givenName: "娜",
    surname: "李",
    alias: "na.li",
    hasMailbox: true,
    jobTitle: "Pharmacist",
    department: "Clinical",
    officeLocation: "Shanghai",
    usageLocation: "CN",
    preferredLanguage: "zh-CN",
    accountEnabled: true,
    businessPhones: ["+86 21 5555 0188"],
    mobilePhone: null,
    createdDateTime: "2022-08-30T02:00:00Z",
    devices: {
      iphone: device(6, 1, {
        platform: "iOS",
        hardware: { manufacturer: "Apple", model: "iPhone 14" },
        osVersion: "17.6.1",
        deviceName: "李娜的iPhone",
        ownerType: "personal",
        enrollmentType: "appleAccountDrivenUserEnrollment",
        complianceState: "compliant",
        enrolledDaysAgo: 70,
        lastSyncHoursAgo: 12,
      }),
    },
  },
  jeanLucDArcy: {
    id: userId(7),
    displayName: "Jean-Luc D'Arcy",
    givenName: "Jean-Luc",
    surname: "D'Arcy",
    alias: "jean-luc.darcy",
    hasMailbox: true,
    jobTitle: "Product designer",
    department: "R&D",
    officeLocation: "Montréal",
    usageLocation: "CA",
    preferredLanguage: "fr-CA",
    accountEnabled: true,
    businessPhones: ["+1 514 555 0107"],
    mobilePhone: "+1 514 555 0170",
    createdDateTime: "2018-05-22T13:00:00Z",
    devices: {
      desktop: device(7, 1, {
        platform: "Windows",
        hardware: { manufacturer: "Dell Inc.", model: "OptiPlex 7010" },
        osVersion: "10.0.19045.5131",
        deviceName: "CONTOSO-DT-0107",
        ownerType: "company",
        enrollmentType: "windowsAutoEnrollment",
        complianceState: "compliant",
        enrolledDaysAgo: 900,
        lastSyncHoursAgo: 6,
      }),
      laptop: device(7, 2, {
        platform: "Windows",
        hardware: { manufacturer: "HP", model: "HP EliteBook 840 14 inch G10 Notebook PC" },
        osVersion: "10.0.22631.4460",
        deviceName: "CONTOSO-LT-0107",
        ownerType: "company",
        enrollmentType: "windowsAzureADJoin",
        complianceState: "error",
        enrolledDaysAgo: 240,
        lastSyncHoursAgo: 8,
      }),
      iphone: device(7, 3, {
        platform: "iOS",
        hardware: { manufacturer: "Apple", model: "iPhone SE (3rd generation)" },
        osVersion: "16.7.10",
        deviceName: "Test iPhone SE",
        ownerType: "company",
        enrollmentType: "userEnrollment",
        complianceState: "noncompliant",
        enrolledDaysAgo: 600,
        lastSyncHoursAgo: 95 * 24,
      }),
      ipad: device(7, 4, {
        platform: "iPadOS",
        hardware: { manufacturer: "Apple", model: "iPad (10th generation)" },
        osVersion: "18.1",
        deviceName: "Jean-Luc's iPad",
        ownerType: "company",
        enrollmentType: "appleBulkWithUser",
        complianceState: "compliant",
        enrolledDaysAgo: 120,
        lastSyncHoursAgo: 20,
      }),
      android: device(7, 5, {
        platform: "Android",
        hardware: { manufacturer: "Google", model: "Pixel 7a" },
        osVersion: "14",
        deviceName: "Pixel 7a",
        ownerType: "personal",
        enrollmentType: "userEnrollment",
        complianceState: "compliant",
        enrolledDaysAgo: 33,
        lastSyncHoursAgo: 15,
      }),
      mac: device(7, 6, {
        platform: "macOS",
        hardware: { manufacturer: "Apple", model: "MacBook Pro (14-inch, Nov 2023)" },
        osVersion: "15.1",
        deviceName: "Jean-Luc's MacBook Pro",
        ownerType: "company",
        enrollmentType: "appleBulkWithUser",
        complianceState: "compliant",
        enrolledDaysAgo: 180,
        lastSyncHoursAgo: 1,
      }),
    },
  },
  rdLabKiosk: {
    id: userId(8),
    displayName: "R&D Lab Kiosk #3",
    givenName: null,
    surname: null,
    alias: "rd-lab-kiosk3",
    hasMailbox: false,
    jobTitle: null,
    department: "R&D",
    officeLocation: "Seattle",
    usageLocation: "US",
    preferredLanguage: "en-US",
    accountEnabled: true,
    businessPhones: [],
    mobilePhone: null,
    createdDateTime: "2023-01-09T16:00:00Z",
    devices: {
      scanner1: device(8, 1, {
        platform: "Android",
        hardware: { manufacturer: "Zebra Technologies", model: "TC52" },
        osVersion: "13",
        deviceName: "RD-LAB-TC52-01",
        ownerType: "company",
        enrollmentType: "androidEnterpriseDedicatedDevice",
        complianceState: "compliant",
        enrolledDaysAgo: 300,
        lastSyncHoursAgo: 2,
      }),
      scanner2: device(8, 2, {
        platform: "Android",
        hardware: { manufacturer: "Zebra Technologies", model: "TC52" },
        osVersion: "13",
        deviceName: "RD-LAB-TC52-02",
        ownerType: "company",
        enrollmentType: "androidEnterpriseDedicatedDevice",
        complianceState: "compliant",
        enrolledDaysAgo: 300,
        lastSyncHoursAgo: 3,
      }),
      scanner3: device(8, 3, {
        platform: "Android",
        hardware: { manufacturer: "Zebra Technologies", model: "TC52" },
        osVersion: "12",
        deviceName: "RD-LAB-TC52-03",
        ownerType: "company",
        enrollmentType: "androidEnterpriseDedicatedDevice",
        complianceState: "unknown",
        enrolledDaysAgo: 290,
        lastSyncHoursAgo: 40 * 24,
      }),
    },
  },
  svcIntuneSync: {
    id: userId(9),
    displayName: "svc$intune-sync",
    givenName: null,
    surname: null,
    alias: "svc-intune-sync",
    hasMailbox: false,
    jobTitle: "Service account",
    department: "IT",
    officeLocation: "Seattle",
    usageLocation: "US",
    preferredLanguage: "en-US",
    accountEnabled: true,
    businessPhones: [],
    mobilePhone: null,
    createdDateTime: "2020-01-15T12:00:00Z",
    devices: {},
  },
  noorAlHassan: {
    id: userId(10),
    displayName: "Noor Al-Hassan",
    givenName: "Noor",
    surname: "Al-Hassan",
    alias: "noor.al-hassan",
    hasMailbox: true,
    jobTitle: "Account manager",
    department: "Sales",
    officeLocation: "Dubai",
    usageLocation: "AE",
    preferredLanguage: "ar-AE",
    // A leaver: the account is disabled, the devices are still managed.
    accountEnabled: false,
    businessPhones: ["+971 4 555 0150"],
    mobilePhone: "+971 50 555 0150",
    createdDateTime: "2021-10-03T05:00:00Z",
    devices: {
      iphone: device(10, 1, {
        platform: "iOS",
        hardware: { manufacturer: "Apple", model: "iPhone 15 Pro" },
        osVersion: "17.7",
        deviceName: "Noor's iPhone",
        ownerType: "company",
        enrollmentType: "appleBulkWithUser",
        complianceState: "noncompliant",
        enrolledDaysAgo: 330,
        lastSyncHoursAgo: 12 * 24,
      }),
      laptop: device(10, 2, {
        platform: "Windows",
        hardware: { manufacturer: "HP", model: "HP EliteBook 840 14 inch G10 Notebook PC" },
        osVersion: "10.0.22631.4391",
        deviceName: "CONTOSO-LT-0150",
        ownerType: "company",
        enrollmentType: "windowsAzureADJoin",
        complianceState: "compliant",
        enrolledDaysAgo: 330,
        lastSyncHoursAgo: 11 * 24,
      }),
    },
  },
  conferenceRoom: {
    id: userId(11),
    displayName: "Conference Room #4 (Tallinn)",
    givenName: null,
    surname: null,
    alias: "confroom4.tallinn",
    hasMailbox: true,
    jobTitle: null,
    department: "Facilities",
    officeLocation: "Tallinn",
    usageLocation: "EE",
    preferredLanguage: "en-US",
    accountEnabled: true,
    businessPhones: [],
    mobilePhone: null,
    createdDateTime: "2022-11-21T08:00:00Z",
    devices: {
      teamsRoom: device(11, 1, {
        platform: "Windows",
        hardware: { manufacturer: "LENOVO", model: "11RW0003US" },
        osVersion: "10.0.22621.4317",
        deviceName: "MTR-TLL-ROOM4",
        ownerType: "company",
        enrollmentType: "windowsAzureADJoin",
        complianceState: "compliant",
        enrolledDaysAgo: 700,
        lastSyncHoursAgo: 1,
      }),
    },
  },
} as const satisfies Record<string, ShowcaseUserSeed>;

export type ShowcaseUserKey = keyof typeof showcaseUserSeeds;

/** Ids to import in tests: `seededUserIds.lukaszWisniewski`. */
export const seededUserIds = Object.fromEntries(
  Object.entries(showcaseUserSeeds).map(([key, seed]) => [key, seed.id]),
) as { readonly [K in ShowcaseUserKey]: string };

/** `seededDeviceIds.lukaszWisniewski.iphone`: each showcase user's devices by key. */
export const seededDeviceIds = Object.fromEntries(
  Object.entries(showcaseUserSeeds).map(([key, seed]) => [
    key,
    Object.fromEntries(Object.entries(seed.devices).map(([name, d]) => [name, d.id])),
  ]),
) as {
  readonly [K in ShowcaseUserKey]: {
    readonly [D in keyof (typeof showcaseUserSeeds)[K]["devices"]]: string;
  };
};
