import { generateEnrollmentProfiles } from "../seed/generate-enrollment-profiles.js";
import { generateUsers } from "../seed/generate-users.js";
import { generateVpp } from "../seed/generate-vpp.js";
import { demoAccounts, demoTenant, type DemoAccount } from "../seed/demo-tenant.js";
import { EnrollmentProfileState } from "./enrollment-profile-state.js";
import { createPrng } from "./prng.js";
import type { UserRecord } from "./user-record.js";
import { VppState } from "./vpp-state.js";

export interface TenantStoreOptions {
  seed: number;
  /** Ordinary users generated besides the demo accounts. */
  generatedUserCount?: number;
  /** The moment the tenant's relative dates (token expiry, last sync) count from; default now. */
  now?: number;
}

/**
 * The simulated tenant's directory and Intune state. Graph resources read and change it; one
 * PRNG seeded once draws everything so a seed always reproduces the same tenant: users first,
 * then the VPP tokens' devices and licenses. Further resources (managedDevices, enrollment
 * profiles) get their own collections here.
 */
export class TenantStore {
  readonly users: UserRecord[];
  private readonly usersById = new Map<string, UserRecord>();
  /** Apple VPP tokens, the mobile apps (iOS VPP apps and others) and their licenses. */
  readonly vpp: VppState;
  /** Android Enterprise enrollment profiles of both kinds and their tokens. */
  readonly enrollmentProfiles: EnrollmentProfileState;

  constructor(options: TenantStoreOptions) {
    const prng = createPrng(options.seed);
    const generated = generateUsers(
      prng,
      options.generatedUserCount ?? 40,
      demoTenant.tenantDomain,
    );
    this.users = [...demoAccounts.map(demoAccountUser), ...generated];
    for (const user of this.users) this.usersById.set(user.id.toLowerCase(), user);
    const now = options.now ?? Date.now();
    const vpp = generateVpp(prng, this.users, demoAccounts.length, now);
    this.vpp = new VppState(vpp.tokens, vpp.apps, vpp.devices);
    this.enrollmentProfiles = new EnrollmentProfileState(generateEnrollmentProfiles(now));
  }

  /** Graph addresses a user by id or by userPrincipalName, case-insensitively. */
  findUser(idOrUpn: string): UserRecord | undefined {
    const key = idOrUpn.toLowerCase();
    return (
      this.usersById.get(key) ?? this.users.find((u) => u.userPrincipalName.toLowerCase() === key)
    );
  }
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
