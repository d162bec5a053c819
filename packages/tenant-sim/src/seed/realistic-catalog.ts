import type { UserRecord } from "../store/user-record.js";
import type {
  AppAssignmentRecord,
  GroupRecord,
  MobileAppRecord,
  OtherMobileAppRecord,
  VppTokenRecord,
} from "../store/vpp-records.js";
import { isIosVppApp } from "../store/vpp-records.js";
import { mobileAppBase } from "./generate-vpp.js";
import { iosVppAppSeeds, vppTokenSeeds } from "./vpp-catalog.js";

/**
 * What the demo tenant has beside its VPP catalog, with fixed ids whatever the seed: the groups
 * apps are assigned to, the assignments, and macOS VPP apps on the same tokens. None of it draws
 * from the PRNG, so a seed's other data is unchanged.
 */
export const groupSeeds = {
  sales: { id: "f8e6d2b7-9c1a-4e3f-8b2d-6c7d8e9f0a01", displayName: "Sales" },
  helpdesk: { id: "f8e6d2b7-9c1a-4e3f-8b2d-6c7d8e9f0a02", displayName: "IT Helpdesk" },
  slackUsers: { id: "f8e6d2b7-9c1a-4e3f-8b2d-6c7d8e9f0a03", displayName: "Slack users" },
} as const;

export type GroupKey = keyof typeof groupSeeds;

/** Assignments per app, applied only to apps the seed marked `isAssigned`. */
const assignmentSeeds: readonly {
  appId: string;
  intent: AppAssignmentRecord["intent"];
  group: GroupKey;
}[] = [
  { appId: iosVppAppSeeds.slack.id, intent: "required", group: "slackUsers" },
  { appId: iosVppAppSeeds.teams.id, intent: "required", group: "sales" },
  { appId: iosVppAppSeeds.teams.id, intent: "available", group: "helpdesk" },
  { appId: iosVppAppSeeds.zoom.id, intent: "available", group: "helpdesk" },
  { appId: iosVppAppSeeds.ukSalesforce.id, intent: "required", group: "sales" },
];

export function generateGroups(
  users: readonly UserRecord[],
  apps: readonly MobileAppRecord[],
): GroupRecord[] {
  const inDepartment = (name: string): Set<string> =>
    new Set(users.filter((u) => u.department === name).map((u) => u.id.toLowerCase()));
  const slack = apps.find((a) => a.id === iosVppAppSeeds.slack.id);
  const slackUsers = new Set(
    slack !== undefined && isIosVppApp(slack)
      ? slack.licenses.flatMap((l) => (l.userId === null ? [] : [l.userId.toLowerCase()]))
      : [],
  );
  return [
    { ...groupSeeds.sales, memberIds: inDepartment("Sales") },
    { ...groupSeeds.helpdesk, memberIds: inDepartment("IT Helpdesk") },
    { ...groupSeeds.slackUsers, memberIds: slackUsers },
  ];
}

export function assignApps(apps: readonly MobileAppRecord[]): void {
  for (const app of apps) {
    if (!app.isAssigned) continue;
    const seeds = assignmentSeeds.filter((s) => s.appId === app.id);
    if (seeds.length === 0) continue;
    app.assignments = seeds.map((s) => ({
      id: `${app.id}_${groupSeeds[s.group].id}_0`,
      intent: s.intent,
      groupId: groupSeeds[s.group].id,
      useDeviceLicensing: false,
    }));
  }
}

export const macOsVppAppSeeds = {
  remoteDesktop: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6e01",
    tokenKey: "valid",
    displayName: "Windows App (macOS)",
    publisher: "Microsoft Corporation",
    bundleId: "com.microsoft.rdc.macos",
    appStoreUrl: "https://apps.apple.com/us/app/windows-app/id1295203466",
    usedLicenseCount: 9,
    totalLicenseCount: 25,
  },
  keynote: {
    id: "c4b2f8d3-5e6a-4b7c-8d9e-2f3a4b5c6e02",
    tokenKey: "education",
    displayName: "Keynote (macOS)",
    publisher: "Apple",
    bundleId: "com.apple.iWork.Keynote",
    appStoreUrl: "https://apps.apple.com/us/app/keynote/id409183694",
    usedLicenseCount: 14,
    totalLicenseCount: 40,
  },
} as const;

/** `#microsoft.graph.macOsVppApp` records; their licenses are counted, not listed. */
export function macOsVppApps(tokens: readonly VppTokenRecord[]): OtherMobileAppRecord[] {
  return Object.values(macOsVppAppSeeds).flatMap((seed) => {
    const token = tokens.find((t) => t.id === vppTokenSeeds[seed.tokenKey].id);
    if (token === undefined) return [];
    return [
      {
        odataType: "#microsoft.graph.macOsVppApp" as const,
        ...mobileAppBase(seed, {
          created: Date.UTC(2023, 3, 12, 10),
          modified: Date.UTC(2024, 8, 30, 8),
          isAssigned: true,
        }),
        typeProperties: {
          usedLicenseCount: seed.usedLicenseCount,
          totalLicenseCount: seed.totalLicenseCount,
          releaseDateTime: null,
          appStoreUrl: seed.appStoreUrl,
          licensingType: {
            supportUserLicensing: true,
            supportDeviceLicensing: true,
            supportsUserLicensing: true,
            supportsDeviceLicensing: true,
          },
          vppTokenOrganizationName: token.organizationName,
          vppTokenAccountType: token.vppTokenAccountType,
          vppTokenAppleId: token.appleId,
          bundleId: seed.bundleId,
          vppTokenId: token.id,
          vppTokenDisplayName: token.displayName,
          revokeLicenseActionResults: [],
        },
      },
    ];
  });
}
