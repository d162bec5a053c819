import { generateEnrollmentProfiles } from "../seed/generate-enrollment-profiles.js";
import { generateBulkUsers } from "../seed/generate-bulk-users.js";
import { generateManagedDevices } from "../seed/generate-managed-devices.js";
import { generateUsers } from "../seed/generate-users.js";
import { generateLargeTenantVppApps, generateVpp } from "../seed/generate-vpp.js";
import { addReclaimableLicenses } from "../seed/reclaim-catalog.js";
import {
  demoAccounts,
  demoTenant,
  seededDemoAccounts,
  type DemoAccount,
} from "../seed/demo-tenant.js";
import { assignApps, generateGroups, macOsVppApps } from "../seed/realistic-catalog.js";
import { showcaseUserSeeds, type ShowcaseUserSeed } from "../seed/showcase-catalog.js";
import { addShowcaseVppLicenses } from "../seed/showcase-vpp-licenses.js";
import { tenantSizeProfiles, type TenantSize } from "../seed/tenant-size.js";
import { EnrollmentProfileState } from "./enrollment-profile-state.js";
import { ManagedDeviceState } from "./managed-device-state.js";
import { createPrng } from "./prng.js";
import { UserDirectory } from "./user-directory.js";
import type { UserRecord } from "./user-record.js";
import { VppState } from "./vpp-state.js";

export interface TenantStoreOptions {
  seed: number;
  /** Default "demo". */
  size?: TenantSize;
  /** The moment the tenant's relative dates (token expiry, last sync) count from; default now. */
  now?: number;
}

/**
 * The simulated tenant's directory and Intune state. Graph resources read and change it.
 *
 * The seed's first PRNG draws the core users and then the VPP tokens' devices and licenses,
 * exactly as before sizes existed, so a seed's demo tenant is unchanged. A second PRNG, from
 * the same seed, draws the bulk users of a large tenant and then every managed device: more
 * users or devices never move the VPP data. Showcase users and their devices are fixed.
 */
export class TenantStore {
  readonly size: TenantSize;
  readonly users: readonly UserRecord[];
  readonly directory: UserDirectory;
  /** Apple VPP tokens, the mobile apps (iOS VPP apps and others) and their licenses. */
  readonly vpp: VppState;
  /** Android Enterprise enrollment profiles of both kinds and their tokens. */
  readonly enrollmentProfiles: EnrollmentProfileState;
  /** Intune managed devices: the VPP seed's iPhones and iPads and every other device. */
  readonly managedDevices: ManagedDeviceState;

  constructor(options: TenantStoreOptions) {
    this.size = options.size ?? "demo";
    const profile = tenantSizeProfiles[this.size];
    const now = options.now ?? Date.now();
    const domain = demoTenant.tenantDomain;

    const prng = createPrng(options.seed);
    const coreUsers = [
      ...seededDemoAccounts.map(demoAccountUser),
      ...generateUsers(prng, profile.coreUsers, domain),
    ];
    const vpp = generateVpp(prng, coreUsers, seededDemoAccounts.length, now);
    addReclaimableLicenses(vpp.apps);
    this.vpp = new VppState(vpp.tokens, vpp.apps, vpp.devices);
    this.enrollmentProfiles = new EnrollmentProfileState(generateEnrollmentProfiles(now));

    const showcase = Object.values(showcaseUserSeeds).map((seed: ShowcaseUserSeed) => ({
      seed,
      user: showcaseUser(seed, domain),
    }));
    const taken = new Set(
      [...coreUsers, ...showcase.map((s) => s.user)].map(
        (u) => u.userPrincipalName.split("@")[0] ?? "",
      ),
    );
    const second = createPrng(secondSeed(options.seed));
    // Accounts added after the seed's layout was fixed come last, so they move nothing.
    const laterAccounts = demoAccounts.filter((a) => !seededDemoAccounts.includes(a));
    const bulkCount = Math.max(
      0,
      profile.totalUsers - coreUsers.length - showcase.length - laterAccounts.length,
    );
    const bulkUsers = generateBulkUsers(second, bulkCount, domain, taken);
    this.users = [
      ...coreUsers,
      ...showcase.map((s) => s.user),
      ...bulkUsers,
      ...laterAccounts.map(demoAccountUser),
    ];
    this.directory = new UserDirectory(this.users);
    addShowcaseVppLicenses(vpp.apps, this.users);
    if (this.size === "large") this.directory.warm();

    this.managedDevices = new ManagedDeviceState(
      generateManagedDevices(second, {
        vppDevices: vpp.devices,
        coreUsers,
        showcase,
        bulkUsers,
        usersById: new Map(coreUsers.map((u) => [u.id, u])),
        now,
      }),
    );
    if (this.size === "large") {
      for (const app of generateLargeTenantVppApps(second, bulkUsers, now)) this.vpp.addApp(app);
    }
    // Served in both profiles (assignments) or behind the macOsVppApps switch.
    this.vpp.setGroups(generateGroups(coreUsers, vpp.apps));
    assignApps(vpp.apps);
    for (const app of macOsVppApps(vpp.tokens)) this.vpp.addApp(app);
  }

  /** Graph addresses a user by id or by userPrincipalName, case-insensitively. */
  findUser(idOrUpn: string): UserRecord | undefined {
    return this.directory.find(idOrUpn);
  }
}

/** Another stream from the same seed (the golden-ratio increment keeps it apart from the first). */
function secondSeed(seed: number): number {
  return (Math.imul(seed, 0x9e3779b1) ^ 0x5bd1e995) >>> 0;
}

function demoAccountUser(account: DemoAccount): UserRecord {
  return {
    id: account.id,
    accountEnabled: true,
    displayName: account.displayName,
    givenName: account.givenName,
    surname: account.surname,
    userPrincipalName: account.userPrincipalName,
    mail: account.userPrincipalName,
    jobTitle: account.jobTitle,
    department: account.department,
    officeLocation: "Seattle",
    businessPhones: ["+1 425 555 0100"],
    mobilePhone: null,
    preferredLanguage: "en-US",
    usageLocation: "US",
    createdDateTime: "2021-03-01T09:00:00Z",
    appRoles: account.roles,
  };
}

function showcaseUser(seed: ShowcaseUserSeed, domain: string): UserRecord {
  const upn = `${seed.alias}@${domain}`;
  return {
    id: seed.id,
    accountEnabled: seed.accountEnabled,
    displayName: seed.displayName,
    givenName: seed.givenName,
    surname: seed.surname,
    userPrincipalName: upn,
    mail: seed.hasMailbox ? upn : null,
    jobTitle: seed.jobTitle,
    department: seed.department,
    officeLocation: seed.officeLocation,
    businessPhones: [...seed.businessPhones],
    mobilePhone: seed.mobilePhone,
    preferredLanguage: seed.preferredLanguage,
    usageLocation: seed.usageLocation,
    createdDateTime: seed.createdDateTime,
    appRoles: [],
  };
}
