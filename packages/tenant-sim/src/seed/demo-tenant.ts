import type { IntuneRoleName } from "./intune-roles.js";

/**
 * The simulated tenant's fixed identities: the two app registrations (SPA and the BFF's API)
 * and the demo accounts. Fixed so that `apps/bff/simulator.env`, tests and the README agree.
 * None of these is a secret: they exist only inside the simulator.
 */
export const demoTenant = {
  tenantId: "0b1a8c4e-5f3d-4e2a-9c1b-7d6e5f4a3b21",
  tenantDomain: "contoso-sim.onmicrosoft.com",
  spa: {
    clientId: "5e0c7a1d-2b3f-4c8e-9a6d-1f2e3d4c5b6a",
    displayName: "Intune Helpdesk Console (SPA)",
  },
  api: {
    clientId: "9c2d4e6f-8a1b-4c3d-b5e7-0f1a2b3c4d5e",
    displayName: "Intune Helpdesk Console (BFF API)",
    clientSecret: "sim-only-bff-secret-0d7c1f2e",
    identifierUri: "api://9c2d4e6f-8a1b-4c3d-b5e7-0f1a2b3c4d5e",
    scope: "access_as_user",
    /** Delegated Graph permissions granted to the BFF app (admin consented). */
    graphScopes: [
      "User.Read",
      "User.Read.All",
      "GroupMember.Read.All",
      "DeviceManagementApps.ReadWrite.All",
      "DeviceManagementServiceConfig.ReadWrite.All",
      "DeviceManagementConfiguration.ReadWrite.All",
      "DeviceManagementManagedDevices.ReadWrite.All",
      "DeviceManagementManagedDevices.PrivilegedOperations.All",
    ],
  },
  graph: {
    appId: "00000003-0000-0000-c000-000000000000",
    audience: "https://graph.microsoft.com",
  },
} as const;

export type DemoAccountKey = "agent" | "senior" | "auditor" | "norole" | "nointune";

export interface DemoAccount {
  key: DemoAccountKey;
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  jobTitle: string;
  department: string;
  /** App roles assigned on the BFF's API (they arrive in the `roles` claim). */
  roles: readonly string[];
  /**
   * Intune roles assigned to the account (Intune RBAC, intune-rbac.ts): what Intune lets the
   * person do through a delegated Graph token, besides the token's scopes.
   */
  intuneRoles: readonly IntuneRoleName[];
}

const agentRoles = ["Console.Read", "Licenses.Revoke", "Enrollment.Manage"];
const retireRoles = ["Enrollment.RevealToken", "Devices.Retire"];

export const demoAccounts: readonly DemoAccount[] = [
  {
    key: "agent",
    id: "a1f0e2d3-0001-4c5b-8a9d-000000000001",
    displayName: "Adele Vance",
    givenName: "Adele",
    surname: "Vance",
    userPrincipalName: "adele.vance@contoso-sim.onmicrosoft.com",
    jobTitle: "Helpdesk agent",
    department: "IT Helpdesk",
    roles: agentRoles,
    intuneRoles: ["Helpdesk License Operator"],
  },
  {
    key: "senior",
    id: "a1f0e2d3-0002-4c5b-8a9d-000000000002",
    displayName: "Megan Bowen",
    givenName: "Megan",
    surname: "Bowen",
    userPrincipalName: "megan.bowen@contoso-sim.onmicrosoft.com",
    jobTitle: "Senior helpdesk agent",
    department: "IT Helpdesk",
    roles: [...agentRoles, ...retireRoles, "Devices.Wipe", "Activity.ReadAll"],
    intuneRoles: ["Helpdesk License Operator", "Help Desk Operator"],
  },
  {
    key: "auditor",
    id: "a1f0e2d3-0003-4c5b-8a9d-000000000003",
    displayName: "Isaiah Langer",
    givenName: "Isaiah",
    surname: "Langer",
    userPrincipalName: "isaiah.langer@contoso-sim.onmicrosoft.com",
    jobTitle: "IT auditor",
    department: "Compliance",
    roles: ["Console.Read", "Activity.ReadAll"],
    intuneRoles: ["Read Only Operator"],
  },
  {
    key: "norole",
    id: "a1f0e2d3-0004-4c5b-8a9d-000000000004",
    displayName: "Lee Gu",
    givenName: "Lee",
    surname: "Gu",
    userPrincipalName: "lee.gu@contoso-sim.onmicrosoft.com",
    jobTitle: "Marketing specialist",
    department: "Marketing",
    roles: [],
    intuneRoles: [],
  },
  {
    key: "nointune",
    id: "a1f0e2d3-0005-4c5b-8a9d-000000000005",
    displayName: "Nestor Wilke",
    givenName: "Nestor",
    surname: "Wilke",
    userPrincipalName: "nestor.wilke@contoso-sim.onmicrosoft.com",
    jobTitle: "Helpdesk agent (new starter)",
    department: "IT Helpdesk",
    // The console's app roles of a senior agent, but no Intune role assigned yet: every Intune
    // call is refused by Intune RBAC (realistic profile) although the token's scopes allow it.
    roles: [...agentRoles, ...retireRoles],
    intuneRoles: [],
  },
];

/**
 * The accounts the seed has always placed first among the users; accounts added later come
 * after every generated user, so that a seed's data is the same as before they existed.
 */
export const seededDemoAccounts: readonly DemoAccount[] = demoAccounts.slice(0, 4);
