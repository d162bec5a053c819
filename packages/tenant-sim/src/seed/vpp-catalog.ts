import type {
  VppTokenAccountType,
  VppTokenState,
  VppTokenSyncStatus,
} from "../store/vpp-records.js";

/**
 * The demo tenant's Apple VPP tokens and apps. Ids are fixed (whatever the seed) so tests, the
 * README and screenshots can name them; licenses, devices and their ids come from the seed.
 */
export interface VppTokenSeed {
  id: string;
  displayName: string;
  organizationName: string;
  appleId: string;
  locationName: string;
  countryOrRegion: string;
  vppTokenAccountType: VppTokenAccountType;
  state: VppTokenState;
  /** Days from the store's creation; negative is in the past. */
  expiresInDays: number;
  lastSyncHoursAgo: number;
  lastSyncStatus: VppTokenSyncStatus;
  automaticallyUpdateApps: boolean;
  dataSharingConsentGranted: boolean;
  untrackedLicenseCount: number;
  /** Shared devices (no user) this token's device licenses may use, e.g. classroom iPads. */
  sharedDevices: { prefix: string; count: number };
  /** Demo accounts first in line for this token's user licenses. */
  demoAccountsFirst: boolean;
}

export interface IosVppAppSeed {
  id: string;
  tokenKey: VppTokenKey;
  displayName: string;
  publisher: string;
  bundleId: string;
  appStoreId: string;
  releaseDateTime: string;
  supportsUserLicensing: boolean;
  supportsDeviceLicensing: boolean;
  iPad: boolean;
  iPhoneAndIPod: boolean;
  userLicenses: number;
  /** Device licenses on users' own devices. */
  userDeviceLicenses: number;
  /** Device licenses on the token's shared devices. */
  sharedDeviceLicenses: number;
  totalLicenseCount: number;
}

export const vppTokenSeeds = {
  valid: {
    id: "b3a1e7c2-4d5f-4a6b-9c8d-1e2f3a4b5c01",
    displayName: "Contoso Business VPP",
    organizationName: "Contoso Ltd",
    appleId: "vpp.admin@contoso.com",
    locationName: "Contoso HQ - Redmond",
    countryOrRegion: "us",
    vppTokenAccountType: "business",
    state: "valid",
    expiresInDays: 200,
    lastSyncHoursAgo: 3,
    lastSyncStatus: "completed",
    automaticallyUpdateApps: true,
    dataSharingConsentGranted: true,
    untrackedLicenseCount: 3,
    sharedDevices: { prefix: "CONTOSO-LOANER-IPAD-", count: 12 },
    demoAccountsFirst: true,
  },
  expiringSoon: {
    id: "b3a1e7c2-4d5f-4a6b-9c8d-1e2f3a4b5c02",
    displayName: "Contoso UK Retail VPP",
    organizationName: "Contoso UK Ltd",
    appleId: "vpp-uk@contoso.co.uk",
    locationName: "Contoso UK - London",
    countryOrRegion: "gb",
    vppTokenAccountType: "business",
    state: "valid",
    expiresInDays: 12,
    lastSyncHoursAgo: 20,
    lastSyncStatus: "completed",
    automaticallyUpdateApps: false,
    dataSharingConsentGranted: true,
    untrackedLicenseCount: 0,
    sharedDevices: { prefix: "UK-POS-IPAD-", count: 24 },
    demoAccountsFirst: false,
  },
  expired: {
    id: "b3a1e7c2-4d5f-4a6b-9c8d-1e2f3a4b5c03",
    displayName: "Fabrikam Legacy VPP",
    organizationName: "Fabrikam GmbH",
    appleId: "it-apple@fabrikam.de",
    locationName: "Fabrikam - Munich",
    countryOrRegion: "de",
    vppTokenAccountType: "business",
    state: "expired",
    expiresInDays: -45,
    lastSyncHoursAgo: 45 * 24 + 30,
    lastSyncStatus: "failed",
    automaticallyUpdateApps: false,
    dataSharingConsentGranted: true,
    untrackedLicenseCount: 0,
    sharedDevices: { prefix: "FAB-IPAD-", count: 4 },
    demoAccountsFirst: false,
  },
  externalMdm: {
    id: "b3a1e7c2-4d5f-4a6b-9c8d-1e2f3a4b5c04",
    displayName: "Contoso Field Services VPP",
    organizationName: "Contoso Field Services Inc.",
    appleId: "vpp-field@contoso.com",
    locationName: "Contoso Field Services - Toronto",
    countryOrRegion: "ca",
    vppTokenAccountType: "business",
    state: "assignedToExternalMDM",
    expiresInDays: 150,
    lastSyncHoursAgo: 26,
    lastSyncStatus: "failed",
    automaticallyUpdateApps: true,
    dataSharingConsentGranted: false,
    untrackedLicenseCount: 0,
    sharedDevices: { prefix: "FIELD-IPAD-", count: 10 },
    demoAccountsFirst: false,
  },
  education: {
    id: "b3a1e7c2-4d5f-4a6b-9c8d-1e2f3a4b5c05",
    displayName: "Contoso Academy Education VPP",
    organizationName: "Contoso Academy",
    appleId: "apple-school@contosoacademy.edu",
    locationName: "Contoso Academy - Main Campus",
    countryOrRegion: "us",
    vppTokenAccountType: "education",
    state: "valid",
    expiresInDays: 300,
    lastSyncHoursAgo: 6,
    lastSyncStatus: "completed",
    automaticallyUpdateApps: true,
    dataSharingConsentGranted: true,
    untrackedLicenseCount: 5,
    sharedDevices: { prefix: "ACAD-IPAD-", count: 420 },
    demoAccountsFirst: false,
  },
} as const satisfies Record<string, VppTokenSeed>;

export type VppTokenKey = keyof typeof vppTokenSeeds;

const appStore = (name: string, id: string): string =>
  `https://apps.apple.com/us/app/${name}/id${id}`;

const both = { iPad: true, iPhoneAndIPod: true } as const;
const userAndDevice = { supportsUserLicensing: true, supportsDeviceLicensing: true } as const;

export const iosVppAppSeeds = {
  outlook: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d01",
    tokenKey: "valid",
    displayName: "Microsoft Outlook",
    publisher: "Microsoft Corporation",
    bundleId: "com.microsoft.Office.Outlook",
    appStoreId: "951937596",
    releaseDateTime: "2015-01-29T08:00:00Z",
    ...userAndDevice,
    ...both,
    userLicenses: 30,
    userDeviceLicenses: 4,
    sharedDeviceLicenses: 2,
    totalLicenseCount: 100,
  },
  teams: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d02",
    tokenKey: "valid",
    displayName: "Microsoft Teams",
    publisher: "Microsoft Corporation",
    bundleId: "com.microsoft.skype.teams",
    appStoreId: "1113153706",
    releaseDateTime: "2016-11-02T07:00:00Z",
    ...userAndDevice,
    ...both,
    userLicenses: 28,
    userDeviceLicenses: 4,
    sharedDeviceLicenses: 0,
    totalLicenseCount: 75,
  },
  slack: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d03",
    tokenKey: "valid",
    displayName: "Slack",
    publisher: "Slack Technologies, Inc.",
    bundleId: "com.tinyspeck.chatlyio",
    appStoreId: "618783545",
    releaseDateTime: "2013-08-07T07:00:00Z",
    supportsUserLicensing: true,
    supportsDeviceLicensing: false,
    ...both,
    userLicenses: 20,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 0,
    totalLicenseCount: 50,
  },
  zoom: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d04",
    tokenKey: "valid",
    displayName: "Zoom Workplace",
    publisher: "Zoom Video Communications, Inc.",
    bundleId: "us.zoom.videomeetings",
    appStoreId: "546505307",
    releaseDateTime: "2012-08-15T07:00:00Z",
    ...userAndDevice,
    ...both,
    userLicenses: 18,
    userDeviceLicenses: 2,
    sharedDeviceLicenses: 2,
    totalLicenseCount: 40,
  },
  authenticator: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d05",
    tokenKey: "valid",
    displayName: "Microsoft Authenticator",
    publisher: "Microsoft Corporation",
    bundleId: "com.microsoft.azureauthenticator",
    appStoreId: "983156458",
    releaseDateTime: "2015-05-18T07:00:00Z",
    ...userAndDevice,
    iPad: false,
    iPhoneAndIPod: true,
    userLicenses: 35,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 0,
    totalLicenseCount: 120,
  },
  acrobat: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d06",
    tokenKey: "valid",
    displayName: "Adobe Acrobat Reader: Edit PDF",
    publisher: "Adobe Inc.",
    bundleId: "com.adobe.Adobe-Reader",
    appStoreId: "469337564",
    releaseDateTime: "2011-10-19T07:00:00Z",
    ...userAndDevice,
    ...both,
    userLicenses: 12,
    userDeviceLicenses: 1,
    sharedDeviceLicenses: 2,
    totalLicenseCount: 25,
  },
  ukOutlook: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d11",
    tokenKey: "expiringSoon",
    displayName: "Microsoft Outlook",
    publisher: "Microsoft Corporation",
    bundleId: "com.microsoft.Office.Outlook",
    appStoreId: "951937596",
    releaseDateTime: "2015-01-29T08:00:00Z",
    ...userAndDevice,
    ...both,
    userLicenses: 15,
    userDeviceLicenses: 2,
    sharedDeviceLicenses: 3,
    totalLicenseCount: 40,
  },
  ukExcel: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d12",
    tokenKey: "expiringSoon",
    displayName: "Microsoft Excel",
    publisher: "Microsoft Corporation",
    bundleId: "com.microsoft.Office.Excel",
    appStoreId: "586683407",
    releaseDateTime: "2014-03-27T07:00:00Z",
    ...userAndDevice,
    ...both,
    userLicenses: 10,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 0,
    totalLicenseCount: 25,
  },
  ukSquare: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d13",
    tokenKey: "expiringSoon",
    displayName: "Square Point of Sale (POS)",
    publisher: "Block, Inc.",
    bundleId: "com.squareup.square",
    appStoreId: "335393788",
    releaseDateTime: "2009-12-01T08:00:00Z",
    supportsUserLicensing: false,
    supportsDeviceLicensing: true,
    iPad: true,
    iPhoneAndIPod: false,
    userLicenses: 0,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 18,
    totalLicenseCount: 30,
  },
  ukSalesforce: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d14",
    tokenKey: "expiringSoon",
    displayName: "Salesforce",
    publisher: "Salesforce, Inc.",
    bundleId: "com.salesforce.chatter",
    appStoreId: "404249815",
    releaseDateTime: "2010-12-15T08:00:00Z",
    supportsUserLicensing: true,
    supportsDeviceLicensing: false,
    ...both,
    userLicenses: 12,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 0,
    totalLicenseCount: 20,
  },
  fabrikamWord: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d21",
    tokenKey: "expired",
    displayName: "Microsoft Word",
    publisher: "Microsoft Corporation",
    bundleId: "com.microsoft.Office.Word",
    appStoreId: "586447913",
    releaseDateTime: "2014-03-27T07:00:00Z",
    ...userAndDevice,
    ...both,
    userLicenses: 10,
    userDeviceLicenses: 2,
    sharedDeviceLicenses: 0,
    totalLicenseCount: 30,
  },
  fabrikamWebex: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d22",
    tokenKey: "expired",
    displayName: "Webex Meetings",
    publisher: "Cisco",
    bundleId: "com.webex.meeting",
    appStoreId: "298844386",
    releaseDateTime: "2008-12-10T08:00:00Z",
    supportsUserLicensing: true,
    supportsDeviceLicensing: false,
    ...both,
    userLicenses: 8,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 0,
    totalLicenseCount: 20,
  },
  fabrikamBox: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d23",
    tokenKey: "expired",
    displayName: "Box: The Content Cloud",
    publisher: "Box, Inc.",
    bundleId: "net.box.BoxNet",
    appStoreId: "290853822",
    releaseDateTime: "2008-09-30T07:00:00Z",
    ...userAndDevice,
    ...both,
    userLicenses: 6,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 1,
    totalLicenseCount: 15,
  },
  fieldServiceNow: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d31",
    tokenKey: "externalMdm",
    displayName: "ServiceNow Agent",
    publisher: "ServiceNow",
    bundleId: "com.servicenow.fulfiller",
    appStoreId: "1469616608",
    releaseDateTime: "2019-10-01T07:00:00Z",
    ...userAndDevice,
    ...both,
    userLicenses: 9,
    userDeviceLicenses: 1,
    sharedDeviceLicenses: 2,
    totalLicenseCount: 25,
  },
  fieldDynamics: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d32",
    tokenKey: "externalMdm",
    displayName: "Dynamics 365 Field Service",
    publisher: "Microsoft Corporation",
    bundleId: "com.microsoft.crm.fieldservice",
    appStoreId: "1489386018",
    releaseDateTime: "2020-03-10T07:00:00Z",
    supportsUserLicensing: true,
    supportsDeviceLicensing: false,
    ...both,
    userLicenses: 7,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 0,
    totalLicenseCount: 15,
  },
  fieldMaps: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d33",
    tokenKey: "externalMdm",
    displayName: "Google Maps",
    publisher: "Google LLC",
    bundleId: "com.google.Maps",
    appStoreId: "585027354",
    releaseDateTime: "2012-12-12T08:00:00Z",
    supportsUserLicensing: false,
    supportsDeviceLicensing: true,
    ...both,
    userLicenses: 0,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 8,
    totalLicenseCount: 10,
  },
  eduExplainEverything: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d41",
    tokenKey: "education",
    displayName: "Explain Everything Whiteboard",
    publisher: "Explain Everything sp. z o.o.",
    bundleId: "com.morriscooke.explaineverything",
    appStoreId: "1020339980",
    releaseDateTime: "2015-09-01T07:00:00Z",
    supportsUserLicensing: false,
    supportsDeviceLicensing: true,
    iPad: true,
    iPhoneAndIPod: false,
    userLicenses: 0,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 400,
    totalLicenseCount: 450,
  },
  eduWord: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d42",
    tokenKey: "education",
    displayName: "Microsoft Word",
    publisher: "Microsoft Corporation",
    bundleId: "com.microsoft.Office.Word",
    appStoreId: "586447913",
    releaseDateTime: "2014-03-27T07:00:00Z",
    ...userAndDevice,
    ...both,
    userLicenses: 25,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 10,
    totalLicenseCount: 60,
  },
  eduKeynote: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d43",
    tokenKey: "education",
    displayName: "Keynote",
    publisher: "Apple",
    bundleId: "com.apple.Keynote",
    appStoreId: "361285480",
    releaseDateTime: "2010-04-01T07:00:00Z",
    supportsUserLicensing: false,
    supportsDeviceLicensing: true,
    ...both,
    userLicenses: 0,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 40,
    totalLicenseCount: 60,
  },
  eduNotability: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d44",
    tokenKey: "education",
    displayName: "Notability",
    publisher: "Ginger Labs",
    bundleId: "com.gingerlabs.Notability",
    appStoreId: "360593530",
    releaseDateTime: "2010-07-01T07:00:00Z",
    ...userAndDevice,
    ...both,
    userLicenses: 20,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 15,
    totalLicenseCount: 50,
  },
} as const satisfies Record<string, IosVppAppSeed>;

export type IosVppAppKey = keyof typeof iosVppAppSeeds;

/**
 * Apps only the `large` tenant has, licensed to its bulk users: an enterprise-wide app with
 * 20,000 user licenses, the scale at which the console's licenses list must stay virtual.
 */
export const largeTenantIosVppAppSeeds = {
  edge: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6d07",
    tokenKey: "valid",
    displayName: "Microsoft Edge: AI browser",
    publisher: "Microsoft Corporation",
    bundleId: "com.microsoft.msedge",
    appStoreId: "1288723196",
    releaseDateTime: "2017-10-05T07:00:00Z",
    supportsUserLicensing: true,
    supportsDeviceLicensing: false,
    ...both,
    userLicenses: 20_000,
    userDeviceLicenses: 0,
    sharedDeviceLicenses: 0,
    totalLicenseCount: 25_000,
  },
} as const satisfies Record<string, IosVppAppSeed>;

export function appStoreUrl(app: IosVppAppSeed): string {
  const slug = app.displayName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return appStore(slug, app.appStoreId);
}

/** Apps of other types, so that `isof('microsoft.graph.iosVppApp')` has something to exclude. */
export const otherAppSeeds = {
  sevenZip: {
    id: "d5c3a9e4-6f7b-4c8d-9e0f-3a4b5c6d7e01",
    odataType: "#microsoft.graph.win32LobApp",
    displayName: "7-Zip 23.01 (x64)",
    publisher: "Igor Pavlov",
    typeProperties: {
      committedContentVersion: "1",
      fileName: "7z2301-x64.intunewin",
      size: 1_605_632,
      installCommandLine: "7z2301-x64.exe /S",
      uninstallCommandLine: '"%ProgramFiles%\\7-Zip\\Uninstall.exe" /S',
      applicableArchitectures: "x64",
      displayVersion: "23.01",
      setupFilePath: "7z2301-x64.exe",
    },
  },
  intranet: {
    id: "d5c3a9e4-6f7b-4c8d-9e0f-3a4b5c6d7e02",
    odataType: "#microsoft.graph.webApp",
    displayName: "Contoso Intranet",
    publisher: "Contoso IT",
    typeProperties: { appUrl: "https://intranet.contoso.com/", useManagedBrowser: true },
  },
  edge: {
    id: "d5c3a9e4-6f7b-4c8d-9e0f-3a4b5c6d7e03",
    odataType: "#microsoft.graph.managedIOSStoreApp",
    displayName: "Microsoft Edge",
    publisher: "Microsoft Corporation",
    typeProperties: {
      appAvailability: "global",
      version: "1.0",
      bundleId: "com.microsoft.msedge",
      appStoreUrl: "https://apps.apple.com/us/app/microsoft-edge-ai-browser/id1288723196",
      applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
      minimumSupportedOperatingSystem: { v15_0: true },
    },
  },
  companyPortal: {
    id: "d5c3a9e4-6f7b-4c8d-9e0f-3a4b5c6d7e04",
    odataType: "#microsoft.graph.iosStoreApp",
    displayName: "Intune Company Portal",
    publisher: "Microsoft Corporation",
    typeProperties: {
      bundleId: "com.microsoft.CompanyPortal",
      appStoreUrl: "https://apps.apple.com/us/app/intune-company-portal/id719171358",
      applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
      minimumSupportedOperatingSystem: { v15_0: true },
    },
  },
} as const;

export type OtherAppKey = keyof typeof otherAppSeeds;

function ids<T extends Record<string, { id: string }>>(seeds: T): { [K in keyof T]: T[K]["id"] } {
  return Object.fromEntries(Object.entries(seeds).map(([key, seed]) => [key, seed.id])) as {
    [K in keyof T]: T[K]["id"];
  };
}

/**
 * The fixed ids of the seeded VPP tokens and apps, the same for every seed:
 * `seededIds.vppTokens.valid`, `seededIds.vppTokens.expired`, `seededIds.iosVppApps.slack`, ...
 */
export const seededIds = {
  vppTokens: ids(vppTokenSeeds),
  iosVppApps: ids(iosVppAppSeeds),
  otherApps: ids(otherAppSeeds),
} as const;
