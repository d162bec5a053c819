import { describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import {
  graphErrorOf,
  graphGet,
  graphPost,
  intuneMessageOf,
} from "../test-support/graph-client.js";
import { useSimulator } from "../test-support/simulator-fixture.js";
import { androidDeviceOwnerProfileSeeds } from "../seed/enrollment-profile-catalog.js";
import { seededDeviceIds, seededUserIds } from "../seed/showcase-catalog.js";
import { seededIds } from "../seed/vpp-catalog.js";

const apps = "/beta/deviceAppManagement/mobileApps";
const tokens = "/beta/deviceAppManagement/vppTokens";
const profiles = "/beta/deviceManagement/androidDeviceOwnerEnrollmentProfiles";
const { slack } = seededIds.iosVppApps;
const { valid } = seededIds.vppTokens;
const { iphone } = seededDeviceIds.lukaszWisniewski;
const lukasz = seededUserIds.lukaszWisniewski;
const corporatePhones = androidDeviceOwnerProfileSeeds.corporatePhones.id;

const fixture = useSimulator();

const graphToken = (account: string) => fixture.sim.mintToken({ audience: "graph", account });
const rbacOn = () => {
  fixture.sim.setScenario({ intuneRbac: true });
};

/** Every Intune call the console makes, with the Intune permission it needs. */
const calls = [
  { method: "GET", path: `${apps}/${slack}`, needs: "Mobile apps: Read" },
  { method: "GET", path: `${apps}/${slack}/assignments`, needs: "Mobile apps: Read" },
  {
    method: "POST",
    path: `${apps}/${slack}/revokeAllLicenses`,
    body: { notifyManagedDevices: false },
    needs: "Mobile apps: Update",
  },
  { method: "GET", path: `${tokens}/${valid}`, needs: "Managed apps: Read" },
  {
    method: "POST",
    path: `${tokens}/${valid}/revokeLicenses`,
    body: { notifyManagedDevices: false, revokeUntrackedLicenses: false },
    needs: "Managed apps: Update",
  },
  { method: "GET", path: `${profiles}/${corporatePhones}`, needs: "Android for work: Read" },
  {
    method: "POST",
    path: `${profiles}/${corporatePhones}/revokeToken`,
    needs: "Android for work: Update",
  },
  { method: "GET", path: `/v1.0/users/${lukasz}/managedDevices`, needs: "Managed devices: Read" },
  {
    method: "POST",
    path: `/v1.0/deviceManagement/managedDevices/${iphone}/syncDevice`,
    needs: "Remote tasks: Sync devices",
  },
  {
    method: "POST",
    path: `/v1.0/deviceManagement/managedDevices/${iphone}/wipe`,
    body: {},
    needs: "Remote tasks: Wipe",
  },
  {
    method: "POST",
    path: `/v1.0/deviceManagement/managedDevices/${iphone}/retire`,
    needs: "Remote tasks: Retire",
  },
  {
    method: "POST",
    path: `/v1.0/users/${lukasz}/removeAllDevicesFromManagement`,
    needs: "Remote tasks: Retire",
  },
] as const;

const send = (call: (typeof calls)[number], token: string) =>
  call.method === "GET"
    ? graphGet(fixture.sim, call.path, token)
    : graphPost(fixture.sim, call.path, token, "body" in call ? call.body : undefined);

describe("Intune RBAC (intuneRbac)", () => {
  it("is off in the demo profile: scopes alone decide", async () => {
    const token = await graphToken("nointune");
    for (const call of calls.filter((c) => c.method === "GET")) {
      expect((await send(call, token)).status, call.path).toBe(200);
    }
  });

  it("refuses every Intune call of an account without an Intune role, as Intune does", async () => {
    rbacOn();
    const token = await graphToken("nointune");
    for (const call of calls) {
      const answer = await send(call, token);
      expect(answer.status, call.path).toBe(403);
      expect(graphErrorOf(answer).code).toBe("Forbidden");
      expect(intuneMessageOf(answer)).toMatch(
        /^User is not authorized to perform this operation\. - Operation ID \(for customer support\): .* - Activity ID: /,
      );
    }
    // Directory calls are not Intune's: the scope is enough.
    expect((await graphGet(fixture.sim, `/v1.0/users/${lukasz}`, token)).status).toBe(200);
    expect(fixture.sim.received().every((r) => r.status === 200 || r.status === 403)).toBe(true);
  });

  it("lets the read-only auditor read and refuses every write", async () => {
    rbacOn();
    const token = await graphToken("auditor");
    for (const call of calls) {
      const answer = await send(call, token);
      expect(answer.status === 403, `${call.method} ${call.path}`).toBe(call.method === "POST");
    }
  });

  it("grants the agent licenses and enrollment tokens but no remote tasks", async () => {
    rbacOn();
    const token = await graphToken("agent");
    for (const call of calls) {
      const answer = await send(call, token);
      const refused = call.needs.startsWith("Remote tasks");
      expect(answer.status === 403, `${call.method} ${call.path}`).toBe(refused);
    }
  });

  it("grants the senior agent everything the console does", async () => {
    rbacOn();
    const token = await graphToken("senior");
    for (const call of calls) {
      expect((await send(call, token)).status, `${call.method} ${call.path}`).not.toBe(403);
    }
  });

  it("does not apply to app-only tokens, and is on in the realistic profile", async () => {
    rbacOn();
    const appOnly = await fixture.sim.mintToken({
      audience: "graph",
      appOnly: true,
      roles: ["DeviceManagementApps.Read.All"],
    });
    expect((await graphGet(fixture.sim, `${apps}/${slack}`, appOnly)).status).toBe(200);
    const realistic = await createSimulator({ port: 0, profile: "realistic" });
    try {
      expect(realistic.profile).toBe("realistic");
      expect(realistic.scenario().intuneRbac).toBe(true);
      const token = await realistic.mintToken({ audience: "graph", account: "nointune" });
      expect((await graphGet(realistic, `${apps}/${slack}`, token)).status).toBe(403);
    } finally {
      await realistic.close();
    }
  });

  it("gives the nointune account app roles and no Intune role", () => {
    const nointune = fixture.sim.accounts.find((a) => a.key === "nointune");
    expect(nointune?.roles).toContain("Licenses.Revoke");
    expect(nointune?.intuneRoles).toEqual([]);
    expect(fixture.sim.accounts.find((a) => a.key === "auditor")?.intuneRoles).toEqual([
      "Read Only Operator",
    ]);
  });
});
