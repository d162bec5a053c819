import { randomUUID } from "node:crypto";
import {
  ActionRecordSchema,
  AssignedLicenseListSchema,
  IosVppAppListSchema,
  IosVppAppSchema,
  ProblemSchema,
  csvLine,
  licenseExportRow,
  sortLicenses,
  type ActionRecord,
  type AssignedLicense,
} from "@ihc/contracts";
import { iosVppAppSeeds, seededIds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const apps = seededIds.iosVppApps;
const sevenZip = seededIds.otherApps.sevenZip;
const adeleId = "a1f0e2d3-0001-4c5b-8a9d-000000000001";

const isFinal = (r: ActionRecord) =>
  r.state === "failed" ||
  (r.progress !== undefined && ["done", "failed"].includes(r.progress.actionState));

describe("iOS VPP apps", () => {
  let stack: Stack;
  let agent: string;
  let auditor: string;
  beforeAll(async () => {
    stack = await startStack({ watcherTuning: { pollMs: 150, reconcileWindowMs: 2500 } });
    stack.sim.setTiming({ appRevokeSeconds: 0.5, appRevokeAllSeconds: 1.5 });
    [agent, auditor] = await Promise.all([stack.tokenFor("agent"), stack.tokenFor("auditor")]);
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.sim.clearFaults();
    stack.sim.resetTenant();
    stack.sim.clearReceived();
  });

  const graphPosts = (pathEnd?: string) =>
    stack
      .graphCalls()
      .filter((c) => c.method === "POST" && (pathEnd === undefined || c.path.endsWith(pathEnd)));
  const expectProblem = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.code).toBe(code);
    return problem;
  };
  const licenses = async (appId: string, query = "", token = agent) => {
    const response = await stack.fetch(`/api/apps/${appId}/licenses${query}`, { token });
    expect(response.status).toBe(200);
    return AssignedLicenseListSchema.parse(await response.json());
  };
  const allLicenses = async (appId: string): Promise<AssignedLicense[]> =>
    (await licenses(appId, "?limit=999")).items;
  const deviceLicenseOf = async (
    appId: string,
  ): Promise<AssignedLicense & { managedDeviceId: string }> => {
    const found = (await allLicenses(appId)).find((l) => l.kind === "device" && l.managedDeviceId);
    if (found?.managedDeviceId === undefined) throw new Error(`no device license on ${appId}`);
    return { ...found, managedDeviceId: found.managedDeviceId };
  };

  describe("reads", () => {
    it("lists iOS VPP apps only, with a type-cast $select, and filters by search and token", async () => {
      const response = await stack.fetch("/api/apps", { token: auditor });
      expect(response.status).toBe(200);
      const { items } = IosVppAppListSchema.parse(await response.json());
      expect(items).toHaveLength(Object.keys(iosVppAppSeeds).length);
      expect(items.map((a) => a.id)).not.toContain(sevenZip);
      const slack = items.find((a) => a.id === apps.slack);
      expect(slack).toMatchObject({
        displayName: "Slack",
        licensingType: { supportsUserLicensing: true, supportsDeviceLicensing: false },
        usedLicenseCount: 20,
        totalLicenseCount: 50,
        vppTokenId: seededIds.vppTokens.valid,
      });
      const list = stack
        .graphCalls()
        .find((c) => c.path.endsWith("/deviceAppManagement/mobileApps"));
      expect(list?.query.$filter).toBe("isof('microsoft.graph.iosVppApp')");
      expect(list?.query.$select).toContain("microsoft.graph.iosVppApp/vppTokenId");

      const search = async (query: string) =>
        IosVppAppListSchema.parse(
          await (await stack.fetch(`/api/apps?${query}`, { token: auditor })).json(),
        ).items.map((a) => a.displayName);
      expect(await search("search=SLACK")).toEqual(["Slack"]);
      expect(await search("search=com.apple")).toEqual(["Keynote"]);
      expect(await search("search=ginger%20labs")).toEqual(["Notability"]);
      const education = await search(`vppTokenId=${seededIds.vppTokens.education}`);
      expect(education.sort()).toEqual(
        ["Explain Everything Whiteboard", "Keynote", "Microsoft Word", "Notability"].sort(),
      );
      const filtered = stack.graphCalls().at(-1);
      expect(filtered?.query.$filter).toBe(
        `isof('microsoft.graph.iosVppApp') and microsoft.graph.iosVppApp/vppTokenId eq '${seededIds.vppTokens.education}'`,
      );
    });

    it("refuses a malformed token filter or an unknown query option without calling Graph", async () => {
      stack.sim.clearReceived();
      for (const [query, field] of [
        ["vppTokenId=x'%20or%20'1'%3D'1", "query.vppTokenId"],
        ["top=5", "query.top"],
      ] as const) {
        const problem = await expectProblem(
          await stack.fetch(`/api/apps?${query}`, { token: agent }),
          400,
          "validation_failed",
        );
        expect(problem.fields?.map((f) => f.path)).toContain(field);
      }
      expect(stack.graphCalls()).toEqual([]);
    });

    it("shows one app, 404 for an unknown one, 400 for another type of app or a malformed id", async () => {
      const response = await stack.fetch(`/api/apps/${apps.outlook}`, { token: auditor });
      expect(response.status).toBe(200);
      const outlook = IosVppAppSchema.parse(await response.json());
      expect(outlook).toMatchObject({
        displayName: "Microsoft Outlook",
        bundleId: "com.microsoft.Office.Outlook",
        applicableDeviceType: { iPad: true, iPhoneAndIPod: true },
      });
      await expectProblem(
        await stack.fetch(`/api/apps/${randomUUID()}`, { token: agent }),
        404,
        "not_found",
      );
      const other = await expectProblem(
        await stack.fetch(`/api/apps/${sevenZip}`, { token: agent }),
        400,
        "validation_failed",
      );
      expect(other.detail).toBe("This app is not an iOS VPP app.");
      expect(other.fields?.[0]?.message).toContain("win32LobApp");
      stack.sim.clearReceived();
      for (const bad of ["abc", "..%2Fvpptokens", "%27"]) {
        const problem = await expectProblem(
          await stack.fetch(`/api/apps/${bad}`, { token: agent }),
          400,
          "validation_failed",
        );
        expect(problem.fields?.[0]?.path).toBe("params.id");
      }
      expect(stack.graphCalls()).toEqual([]);
    });

    it("pages an app's licenses with an opaque cursor, users and devices alike", async () => {
      const app = apps.eduExplainEverything;
      const first = await licenses(app, "?limit=150");
      expect(first.items).toHaveLength(150);
      expect(first.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      const seen = new Set(first.items.map((l) => l.id));
      let cursor = first.cursor;
      while (cursor !== undefined) {
        const page = await licenses(app, `?cursor=${cursor}`);
        for (const license of page.items) seen.add(license.id);
        cursor = page.cursor;
      }
      expect(seen.size).toBe(400);
      expect(first.items.every((l) => l.kind === "device" && l.deviceName !== undefined)).toBe(
        true,
      );
      const outlook = await allLicenses(apps.outlook);
      expect(outlook.filter((l) => l.kind === "user")).toHaveLength(30);
      expect(outlook.filter((l) => l.kind === "device")).toHaveLength(6);
    });

    it("searches by UPN prefix, escaping quotes for OData", async () => {
      const adele = await licenses(apps.slack, "?search=adele");
      expect(adele.items.map((l) => l.userPrincipalName)).toEqual([
        "adele.vance@contoso-sim.onmicrosoft.com",
      ]);
      const quoted = await licenses(apps.slack, `?search=${encodeURIComponent("o'brien")}`);
      expect(quoted.items).toEqual([]);
      const call = stack.graphCalls().at(-1);
      expect(call?.query.$filter).toBe(
        "startswith(userPrincipalName,'o''brien') or " +
          "startswith(microsoft.graph.iosVppAppAssignedDeviceLicense/deviceName,'o''brien')",
      );
    });

    it("searches by device name prefix and by serial number (resolved in one device read)", async () => {
      const outlook = await allLicenses(apps.outlook);
      const device = outlook.find((l) => l.kind === "device" && l.managedDeviceId !== undefined);
      if (device?.deviceName === undefined || device.managedDeviceId === undefined) {
        throw new Error("expected a device license of Outlook");
      }
      const byName = await licenses(
        apps.outlook,
        `?search=${encodeURIComponent(device.deviceName.slice(0, 6))}`,
      );
      expect(byName.items.map((l) => l.id)).toContain(device.id);
      expect(
        byName.items.every(
          (l) =>
            l.deviceName
              ?.toLowerCase()
              .startsWith(device.deviceName?.slice(0, 6).toLowerCase() ?? "") ||
            l.userPrincipalName
              ?.toLowerCase()
              .startsWith(device.deviceName?.slice(0, 6).toLowerCase() ?? ""),
        ),
      ).toBe(true);

      const detail = await stack.fetch(`/api/devices/${device.managedDeviceId}`, { token: agent });
      const { serialNumber } = (await detail.json()) as { serialNumber?: string };
      if (serialNumber === undefined) throw new Error("expected the device's serial");
      stack.sim.clearReceived();
      const bySerial = await licenses(apps.outlook, `?search=${serialNumber.toLowerCase()}`);
      expect(bySerial.items.map((l) => l.id)).toEqual([device.id]);
      const calls = stack.graphCalls();
      expect(
        calls.map((c) =>
          c.path
            .replace(/^\/beta/, "")
            .split("/")
            .slice(0, 3)
            .join("/"),
        ),
      ).toEqual(["/deviceManagement/managedDevices", "/deviceAppManagement/mobileApps"]);
      expect(calls[0]?.query.$filter).toBe(`serialNumber eq '${serialNumber.toUpperCase()}'`);
    });

    it("exports the searched licenses as CSV, every page, with a 404 for an unknown app", async () => {
      const all = await allLicenses(apps.eduExplainEverything);
      const response = await stack.fetch(
        `/api/apps/${apps.eduExplainEverything}/licenses/export.csv`,
        { token: agent },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(
        /^attachment; filename="app-licenses-/,
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder()
        .decode(bytes)
        .split("\r\n")
        .filter((line) => line !== "");
      expect(lines[0]).toBe("kind,userName,userPrincipalName,userId,deviceName,managedDeviceId");
      expect(
        lines
          .slice(1)
          .map((line) => line.split(",").at(-1))
          .sort(),
      ).toEqual(all.map((l) => l.managedDeviceId ?? "").sort());

      const adele = await stack.fetch(`/api/apps/${apps.slack}/licenses/export.csv?search=adele`, {
        token: agent,
      });
      expect((await adele.text()).split("\r\n").slice(1, -1)).toEqual([
        `user,Adele Vance,adele.vance@contoso-sim.onmicrosoft.com,${adeleId},,`,
      ]);

      const unknown = await stack.fetch(`/api/apps/${randomUUID()}/licenses/export.csv`, {
        token: agent,
      });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get("content-type")).toMatch(/problem\+json/);
      const bad = await stack.fetch(`/api/apps/${apps.slack}/licenses/export.csv?limit=5`, {
        token: agent,
      });
      await expectProblem(bad, 400, "validation_failed");
    });

    it("exports in the order the sorted list shows: every license, sorted by the shared rule", async () => {
      const all = await allLicenses(apps.outlook);
      expect(all.filter((l) => l.kind === "device").length).toBeGreaterThan(1);
      const exported = async (query: string) => {
        const response = await stack.fetch(
          `/api/apps/${apps.outlook}/licenses/export.csv?${query}`,
          { token: agent },
        );
        expect(response.status).toBe(200);
        return (await response.text())
          .replace(/^\uFEFF/u, "")
          .split("\r\n")
          .slice(1, -1);
      };
      const rowsOf = (list: AssignedLicense[]) =>
        list.map((license) => csvLine(licenseExportRow(license)).slice(0, -2));
      const byDevice = await exported("sort=device&dir=descending");
      expect(byDevice).toEqual(rowsOf(sortLicenses(all, "device", "descending")));
      // Sorted, not Graph's order: the first rows are device licenses, named Z to A.
      expect(byDevice[0]?.startsWith("device,")).toBe(true);
      expect(byDevice).not.toEqual(rowsOf(all));
      expect(await exported("sort=upn")).toEqual(rowsOf(sortLicenses(all, "upn", "ascending")));
      const bad = await stack.fetch(`/api/apps/${apps.outlook}/licenses/export.csv?sort=serial`, {
        token: agent,
      });
      await expectProblem(bad, 400, "validation_failed");
    });

    it("accepts only a cursor of this app's licenses: a forged one never reaches Graph", async () => {
      const { cursor } = await licenses(apps.outlook, "?limit=5");
      if (cursor === undefined) throw new Error("expected a second page");
      const b64 = (text: string) => Buffer.from(text).toString("base64url");
      stack.sim.clearReceived();
      for (const forged of [
        cursor,
        b64("/deviceAppManagement/vppTokens?$top=5"),
        b64(
          `/deviceAppManagement/mobileApps/${apps.outlook}/microsoft.graph.iosVppApp/assignedLicenses/../../../../vppTokens?$skiptoken=x`,
        ),
        b64(
          `/deviceAppManagement/mobileApps/${apps.outlook}/microsoft.graph.iosVppApp/assignedLicenses?$expand=x&$skiptoken=1`,
        ),
        b64(
          `/deviceAppManagement/mobileApps/${apps.outlook}/microsoft.graph.iosVppApp/assignedLicenses?$top=5`,
        ),
        "not+base64/",
      ]) {
        // The genuine cursor of Outlook's licenses is forged when it is sent for Slack's.
        const problem = await expectProblem(
          await stack.fetch(
            `/api/apps/${apps.slack}/licenses?cursor=${encodeURIComponent(forged)}`,
            {
              token: agent,
            },
          ),
          400,
          "validation_failed",
        );
        expect(problem.fields?.[0]?.path).toBe("query.cursor");
      }
      expect(stack.graphCalls()).toEqual([]);
      const next = await licenses(apps.outlook, `?cursor=${cursor}`);
      expect(next.items.length).toBeGreaterThan(0);
    });

    it("says a non-VPP app has no licenses list (400), and an unknown app is a 404", async () => {
      const problem = await expectProblem(
        await stack.fetch(`/api/apps/${sevenZip}/licenses`, { token: agent }),
        400,
        "validation_failed",
      );
      expect(problem.detail).toBe("This app is not an iOS VPP app.");
      await expectProblem(
        await stack.fetch(`/api/apps/${randomUUID()}/licenses`, { token: agent }),
        404,
        "not_found",
      );
    });
  });

  describe("revoke one user's license", () => {
    const path = (appId: string) => `/api/apps/${appId}/revoke-user-license`;
    const body = (userId = adeleId) => ({ userId, notifyManagedDevices: true });

    it("revokes through the pipeline once per key and follows it until the license is gone", async () => {
      const key = randomUUID();
      const response = await postAction(stack, path(apps.slack), agent, body(), key);
      expect(response.status).toBe(202);
      const record = ActionRecordSchema.parse(await response.json());
      expect(record).toMatchObject({
        kind: "app.revoke-user-license",
        state: "succeeded",
        target: { type: "app", id: apps.slack, displayName: "Slack" },
        parameters: { userId: adeleId, notifyManagedDevices: true },
      });
      const posts = graphPosts("/revokeUserLicense");
      expect(posts).toHaveLength(1);
      expect(posts[0]?.body).toEqual({ userId: adeleId, notifyManagedDevices: true });
      expect(posts[0]?.clientRequestId).toBe(record.graph?.clientRequestId);

      const final = await waitForAction(stack, record.id, agent, isFinal);
      expect(final.progress).toMatchObject({ actionState: "done", attemptedCount: 1 });
      expect((await allLicenses(apps.slack)).map((l) => l.userId)).not.toContain(adeleId);

      const replay = await postAction(stack, path(apps.slack), agent, body(), key);
      expect(replay.status).toBe(202);
      expect(ActionRecordSchema.parse(await replay.json()).id).toBe(record.id);
      await expectProblem(
        await postAction(
          stack,
          path(apps.slack),
          agent,
          { ...body(), notifyManagedDevices: false },
          key,
        ),
        422,
        "idempotency_key_reused",
      );
      expect(graphPosts("/revokeUserLicense")).toHaveLength(1);
    });

    it("answers 404 for an unknown app or user, and a readable 404 for a license not assigned", async () => {
      await expectProblem(
        await postAction(stack, path(randomUUID()), agent, body()),
        404,
        "not_found",
      );
      const unknownUser = await expectProblem(
        await postAction(stack, path(apps.slack), agent, body(randomUUID())),
        404,
        "not_found",
      );
      expect(unknownUser.detail).toMatch(/^No license of "Slack" is assigned to user /);
      // Adele has Slack, but Keynote is licensed per device only.
      const notAssigned = await expectProblem(
        await postAction(stack, path(apps.eduKeynote), agent, body()),
        404,
        "not_found",
      );
      expect(notAssigned.detail).toContain("nothing was sent");
      expect(graphPosts()).toEqual([]);
    });

    it("answers 400 for an app that is not an iOS VPP app, and for bad input, sending nothing", async () => {
      const other = await expectProblem(
        await postAction(stack, path(sevenZip), agent, body()),
        400,
        "validation_failed",
      );
      expect(other.detail).toBe("This app is not an iOS VPP app.");
      for (const [bad, field] of [
        [{ ...body(), extra: 1 }, "body.extra"],
        [{ ...body(), userId: "adele" }, "body.userId"],
        [{ userId: adeleId }, "body.notifyManagedDevices"],
      ] as const) {
        const problem = await expectProblem(
          await postAction(stack, path(apps.slack), agent, bad),
          400,
          "validation_failed",
        );
        expect(problem.fields?.map((f) => f.path)).toContain(field);
      }
      expect(graphPosts()).toEqual([]);
    });

    it("records a lost answer as unknown, never resends, and settles it from the licenses", async () => {
      stack.sim.setFaults([
        { method: "POST", path: "/revokeUserLicense$", kind: "drop", times: 1 },
      ]);
      const response = await postAction(stack, path(apps.slack), agent, body());
      const record = ActionRecordSchema.parse(await response.json());
      expect(record.state).toBe("unknown");
      const final = await waitForAction(stack, record.id, agent, (r) => r.state !== "unknown");
      expect(final.state).toBe("failed");
      expect(final.graph?.code).toBe("notApplied");
      expect(graphPosts("/revokeUserLicense")).toHaveLength(1);
      expect((await allLicenses(apps.slack)).map((l) => l.userId)).toContain(adeleId);
    });

    it("settles an unknown revoke that took effect as succeeded", async () => {
      stack.sim.setFaults([
        {
          method: "POST",
          path: "/revokeUserLicense$",
          kind: "status",
          status: 503,
          times: 1,
          afterApplying: true,
        },
      ]);
      const response = await postAction(stack, path(apps.slack), agent, body());
      const record = ActionRecordSchema.parse(await response.json());
      expect(record.state).toBe("unknown");
      expect(record.graph?.status).toBe(503);
      const final = await waitForAction(stack, record.id, agent, isFinal);
      expect(final.state).toBe("succeeded");
      expect(final.progress?.actionState).toBe("done");
      expect(graphPosts("/revokeUserLicense")).toHaveLength(1);
    });
  });

  describe("revoke one device's license", () => {
    it("revokes the device's license and follows it to done", async () => {
      const license = await deviceLicenseOf(apps.outlook);
      const response = await postAction(
        stack,
        `/api/apps/${apps.outlook}/revoke-device-license`,
        agent,
        {
          managedDeviceId: license.managedDeviceId,
          notifyManagedDevices: false,
          reason: "INC-4711 lost iPad",
        },
      );
      expect(response.status).toBe(202);
      const record = ActionRecordSchema.parse(await response.json());
      expect(record).toMatchObject({
        kind: "app.revoke-device-license",
        state: "succeeded",
        reason: "INC-4711 lost iPad",
      });
      expect(graphPosts("/revokeDeviceLicense").map((c) => c.body)).toEqual([
        { managedDeviceId: license.managedDeviceId, notifyManagedDevices: false },
      ]);
      const final = await waitForAction(stack, record.id, agent, isFinal);
      expect(final.progress?.actionState).toBe("done");
      expect((await allLicenses(apps.outlook)).map((l) => l.id)).not.toContain(license.id);
    });

    it("answers 404 for a device without a license of the app, sending nothing", async () => {
      await expectProblem(
        await postAction(stack, `/api/apps/${apps.outlook}/revoke-device-license`, agent, {
          managedDeviceId: randomUUID(),
          notifyManagedDevices: false,
        }),
        404,
        "not_found",
      );
      expect(graphPosts()).toEqual([]);
    });
  });

  describe("revoke all of an app's licenses", () => {
    const path = `/api/apps/${apps.acrobat}/revoke-all-licenses`;
    const body = (confirmDisplayName = "Adobe Acrobat Reader: Edit PDF") => ({
      notifyManagedDevices: true,
      confirmDisplayName,
    });

    it("needs the app's name typed, and sends nothing without it", async () => {
      const problem = await expectProblem(
        await postAction(stack, path, agent, body("Adobe Acrobat")),
        400,
        "validation_failed",
      );
      expect(problem.fields?.[0]?.path).toBe("body.confirmDisplayName");
      expect(graphPosts()).toEqual([]);
    });

    it("revokes all, follows the progress to done, replays, and refuses a second while it runs", async () => {
      const key = randomUUID();
      const response = await postAction(stack, path, agent, body(), key);
      const record = ActionRecordSchema.parse(await response.json());
      expect(record).toMatchObject({ state: "succeeded", progress: { totalBefore: 15 } });
      await expectProblem(await postAction(stack, path, agent, body()), 409, "conflict");
      const final = await waitForAction(stack, record.id, agent, isFinal);
      expect(final.progress).toMatchObject({ actionState: "done", attemptedCount: 15 });
      const replay = await postAction(stack, path, agent, body(), key);
      expect(ActionRecordSchema.parse(await replay.json()).id).toBe(record.id);
      expect(graphPosts("/revokeAllLicenses")).toHaveLength(1);
    });
  });

  it("refuses every revoke to the auditor (403) and sends nothing", async () => {
    const license = await deviceLicenseOf(apps.outlook);
    for (const [suffix, body] of [
      ["revoke-user-license", { userId: adeleId, notifyManagedDevices: true }],
      [
        "revoke-device-license",
        { managedDeviceId: license.managedDeviceId, notifyManagedDevices: true },
      ],
      [
        "revoke-all-licenses",
        { notifyManagedDevices: true, confirmDisplayName: "Microsoft Outlook" },
      ],
      [
        "revoke-licenses",
        { licenses: [{ kind: "user", userId: adeleId }], notifyManagedDevices: true },
      ],
    ] as const) {
      await expectProblem(
        await postAction(stack, `/api/apps/${apps.outlook}/${suffix}`, auditor, body),
        403,
        "forbidden",
      );
    }
    expect(graphPosts()).toEqual([]);
  });
});
