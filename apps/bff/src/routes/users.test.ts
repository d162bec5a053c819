import { randomUUID } from "node:crypto";
import {
  ActionRecordSchema,
  ManagedDeviceListSchema,
  ProblemSchema,
  UserDetailSchema,
  UserSearchResultSchema,
  UserVppLicenseListSchema,
  type ActionRecord,
  type UserSummary,
} from "@ihc/contracts";
import { demoAccounts, seededDeviceIds, seededUserIds, showcaseUserSeeds } from "@ihc/tenant-sim";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openEvents, postAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

const DOMAIN = "contoso-sim.onmicrosoft.com";
const upnOf = (key: keyof typeof showcaseUserSeeds): string =>
  `${showcaseUserSeeds[key].alias}@${DOMAIN}`;
const adele = demoAccounts.find((a) => a.key === "agent");

const isFinal = (record: ActionRecord): boolean => record.completedAt !== undefined;

describe("users and devices", () => {
  let stack: Stack;
  let agent: string;
  let senior: string;
  let auditor: string;
  let norole: string;
  beforeAll(async () => {
    stack = await startStack({ watcherTuning: { pollMs: 150, reconcileWindowMs: 2000 } });
    stack.sim.setTiming({ retireSeconds: 1 });
    [agent, senior, auditor, norole] = await Promise.all([
      stack.tokenFor("agent"),
      stack.tokenFor("senior"),
      stack.tokenFor("auditor"),
      stack.tokenFor("norole"),
    ]);
  });
  afterAll(() => stack.close());
  afterEach(() => {
    stack.sim.clearFaults();
    stack.sim.resetTenant();
    stack.sim.clearReceived();
  });

  const graphPosts = () => stack.graphCalls().filter((c) => c.method === "POST");
  const expectProblem = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.code).toBe(code);
    return problem;
  };
  const search = async (text: string, token = agent): Promise<UserSummary[]> => {
    const response = await stack.fetch(`/api/users?search=${encodeURIComponent(text)}`, {
      token,
    });
    expect(response.status).toBe(200);
    return UserSearchResultSchema.parse(await response.json()).items;
  };
  const devicesOf = async (id: string) => {
    const response = await stack.fetch(`/api/users/${id}/devices`, { token: senior });
    expect(response.status).toBe(200);
    return ManagedDeviceListSchema.parse(await response.json()).items;
  };
  const retire = (id: string, body: unknown, token = senior, key = randomUUID()) =>
    postAction(stack, `/api/users/${id}/retire-all-devices`, token, body, key);

  describe("GET /api/users?search=", () => {
    const showcase: [string, keyof typeof showcaseUserSeeds][] = [
      ["O'Brien", "siobhanOBrien"],
      ["o'bri", "siobhanOBrien"],
      ["siobhan.o'brien@", "siobhanOBrien"],
      ["José Ñuñez", "joseNunez"],
      ["Ñuñ", "joseNunez"],
      ["李娜", "liNa"],
      ["R&D Lab Kiosk #3", "rdLabKiosk"],
      ["svc$intune-sync", "svcIntuneSync"],
      ["Jean-Luc D'Arcy", "jeanLucDArcy"],
      ["Conference Room #4 (Tallinn)", "conferenceRoom"],
      ["Сергей", "sergeyIvanov"],
      ["Łukasz Wiś", "lukaszWisniewski"],
      ["zoe.muller-lud", "zoeMuller"],
    ];
    for (const [text, key] of showcase) {
      it(`finds ${showcaseUserSeeds[key].displayName} by ${JSON.stringify(text)}`, async () => {
        const found = await search(text);
        expect(found.map((u) => u.id)).toContain(seededUserIds[key]);
        const user = found.find((u) => u.id === seededUserIds[key]);
        expect(user?.userPrincipalName).toBe(upnOf(key));
      });
    }

    it("treats OData and $search syntax in the text as text, and selects only the contract's fields", async () => {
      // Quotes, backslashes and operators cannot break out of the clause (Graph would 400).
      for (const text of ['"', "\\", 'a" OR "displayName:', "AND", "(", "a&$top=999", "%27", "+"]) {
        const response = await stack.fetch(`/api/users?search=${encodeURIComponent(text)}`, {
          token: agent,
        });
        expect(response.status, text).toBe(200);
      }
      const call = stack.graphCalls().find((c) => c.path === "/v1.0/users");
      expect(call?.headers.consistencylevel).toBe("eventual");
      expect(call?.query.$select).toBe("id,displayName,userPrincipalName,mail,department,jobTitle");
      expect(call?.query.$search).toBe(
        '"displayName:\\"" OR "userPrincipalName:\\"" OR "mail:\\""',
      );
      expect(await search('a" OR "displayName:')).toEqual([]);
    });

    it("answers 400 naming `search` for an empty, blank or 500-character search", async () => {
      for (const query of ["", "?search=", "?search=%20%20", `?search=${"a".repeat(500)}`]) {
        const response = await stack.fetch(`/api/users${query}`, { token: agent });
        const problem = await expectProblem(response, 400, "validation_failed");
        expect(problem.fields?.map((e) => e.path)).toContain("query.search");
      }
      expect(stack.graphCalls()).toHaveLength(0);
    });

    it("continues a search with its cursor, and refuses it for another search", async () => {
      const first = await stack.fetch("/api/users?search=a&limit=5", { token: agent });
      const page = UserSearchResultSchema.parse(await first.json());
      expect(page.items).toHaveLength(5);
      expect(page.count).toBeGreaterThan(5);
      const cursor = page.cursor ?? "";
      const second = await stack.fetch(`/api/users?search=a&limit=5&cursor=${cursor}`, {
        token: agent,
      });
      expect(second.status).toBe(200);
      const next = UserSearchResultSchema.parse(await second.json()).items;
      expect(next.length).toBeGreaterThan(0);
      expect(next.map((u) => u.id)).not.toContain(page.items[0]?.id);
      const other = await stack.fetch(`/api/users?search=b&cursor=${cursor}`, { token: agent });
      const problem = await expectProblem(other, 400, "validation_failed");
      expect(problem.fields?.map((e) => e.path)).toContain("query.cursor");
    });

    it("refuses a cursor that is not a user search's next page", async () => {
      const forged = Buffer.from("/deviceAppManagement/vppTokens?$skiptoken=1").toString(
        "base64url",
      );
      const response = await stack.fetch(`/api/users?search=a&cursor=${forged}`, {
        token: agent,
      });
      const problem = await expectProblem(response, 400, "validation_failed");
      expect(problem.fields?.map((e) => e.path)).toContain("query.cursor");
    });

    it("needs Console.Read", async () => {
      await expectProblem(
        await stack.fetch("/api/users?search=a", { token: norole }),
        403,
        "forbidden",
      );
    });
  });

  describe("GET /api/users/:id, /devices, /vpp-licenses", () => {
    it("reads a user, their devices and their VPP licenses", async () => {
      const id = seededUserIds.lukaszWisniewski;
      const response = await stack.fetch(`/api/users/${id}`, { token: auditor });
      expect(response.status).toBe(200);
      const user = UserDetailSchema.parse(await response.json());
      expect(user).toMatchObject({
        id,
        displayName: "Łukasz Wiśniewski",
        userPrincipalName: upnOf("lukaszWisniewski"),
      });
      const devices = await devicesOf(id);
      expect(devices.map((d) => d.id).sort()).toEqual(
        Object.values(seededDeviceIds.lukaszWisniewski).sort(),
      );
      for (const device of devices) {
        expect(device.managementState).toBe("managed");
        expect(device.deviceName).not.toBe("");
      }
      expect(devices.filter((d) => d.managedDeviceOwnerType === "personal")).toHaveLength(2);
    });

    it("lists the VPP licenses a user holds across iOS VPP apps, and says what it cost", async () => {
      const response = await stack.fetch(`/api/users/${adele?.id}/vpp-licenses`, {
        token: auditor,
      });
      expect(response.status).toBe(200);
      const licenses = UserVppLicenseListSchema.parse(await response.json());
      const names = licenses.items.map((l) => l.appDisplayName);
      for (const app of ["Microsoft Outlook", "Microsoft Teams", "Slack", "Zoom Workplace"]) {
        expect(names).toContain(app);
      }
      expect(licenses.appsScanned).toBe(20);
      // One app list and one $batch per 20 apps: not one read per app.
      const calls = stack.graphCalls().map((c) => `${c.method} ${c.path.split("?")[0] ?? ""}`);
      expect(calls.filter((c) => c === "POST /beta/$batch")).toHaveLength(1);
    });

    it("answers 404 for an unknown user and 400 for an id that is not a GUID", async () => {
      const unknown = randomUUID();
      for (const path of ["", "/devices", "/vpp-licenses"]) {
        await expectProblem(
          await stack.fetch(`/api/users/${unknown}${path}`, { token: agent }),
          404,
          "not_found",
        );
        // Nothing is read for an unknown user beyond the user itself (no license scan).
        expect(stack.graphCalls().filter((c) => c.path.includes("mobileApps"))).toEqual([]);
        const bad = await expectProblem(
          await stack.fetch(`/api/users/not-a-guid${path}`, { token: agent }),
          400,
          "validation_failed",
        );
        expect(bad.fields?.map((e) => e.path)).toContain("params.id");
      }
    });
  });

  describe("POST /api/users/:id/retire-all-devices", () => {
    const lukasz = seededUserIds.lukaszWisniewski;

    it("refuses a wrong UPN with 400 and sends nothing to Graph", async () => {
      for (const confirmUserPrincipalName of ["", "lukasz", upnOf("joseNunez")]) {
        const problem = await expectProblem(
          await retire(lukasz, { confirmUserPrincipalName }),
          400,
          "validation_failed",
        );
        expect(problem.fields?.map((e) => e.path)).toContain("body.confirmUserPrincipalName");
      }
      expect(graphPosts()).toHaveLength(0);
      expect((await devicesOf(lukasz)).every((d) => d.managementState === "managed")).toBe(true);
    });

    it("refuses with 409 and sends nothing when the devices are not the ones the agent saw", async () => {
      const devices = await devicesOf(lukasz);
      const shown = devices.slice(1).map((d) => d.id);
      const missing = await expectProblem(
        await retire(lukasz, {
          confirmUserPrincipalName: upnOf("lukaszWisniewski"),
          confirmDeviceIds: shown,
        }),
        409,
        "conflict",
      );
      expect(missing.detail).toContain(`new: ${devices[0]?.deviceName ?? "?"}`);
      const extra = await expectProblem(
        await retire(lukasz, {
          confirmUserPrincipalName: upnOf("lukaszWisniewski"),
          confirmDeviceIds: [...devices.map((d) => d.id), randomUUID()],
        }),
        409,
        "conflict",
      );
      expect(extra.detail).toContain("1 no longer listed");
      expect(graphPosts()).toHaveLength(0);
      expect((await devicesOf(lukasz)).every((d) => d.managementState === "managed")).toBe(true);
    });

    it("answers 409 for a user without devices, sending nothing", async () => {
      const problem = await expectProblem(
        await retire(seededUserIds.zoeMuller, { confirmUserPrincipalName: upnOf("zoeMuller") }),
        409,
        "conflict",
      );
      expect(problem.detail).toContain("no managed devices");
      expect(graphPosts()).toHaveLength(0);
    });

    it("answers 404 for an unknown user, 400 for a bad id or missing key, 403 without Devices.Retire", async () => {
      await expectProblem(
        await retire(randomUUID(), { confirmUserPrincipalName: "x@y" }),
        404,
        "not_found",
      );
      await expectProblem(
        await retire("nope", { confirmUserPrincipalName: "x@y" }),
        400,
        "validation_failed",
      );
      const noKey = await stack.fetch(`/api/users/${lukasz}/retire-all-devices`, {
        method: "POST",
        token: senior,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ confirmUserPrincipalName: upnOf("lukaszWisniewski") }),
      });
      await expectProblem(noKey, 400, "validation_failed");
      for (const token of [agent, auditor, norole]) {
        await expectProblem(
          await retire(lukasz, { confirmUserPrincipalName: upnOf("lukaszWisniewski") }, token),
          403,
          "forbidden",
        );
      }
      expect(graphPosts()).toHaveLength(0);
    });

    it("retires every device: one POST, each device followed until it has left, live events", async () => {
      const events = await openEvents(stack, senior);
      const devices = await devicesOf(lukasz);
      const key = randomUUID();
      const response = await retire(
        lukasz,
        // The UPN is compared case-insensitively, as Entra ID treats it; the devices the dialog
        // listed travel with it.
        {
          confirmUserPrincipalName: upnOf("lukaszWisniewski").toUpperCase(),
          confirmDeviceIds: devices.map((d) => d.id.toUpperCase()),
          reason: "INC-42",
        },
        senior,
        key,
      );
      expect(response.status).toBe(202);
      const record = ActionRecordSchema.parse(await response.json());
      expect(record).toMatchObject({
        kind: "user.retire-all-devices",
        state: "succeeded",
        target: { type: "user", id: lukasz },
        reason: "INC-42",
      });
      expect(record.items?.map((i) => i.id).sort()).toEqual(devices.map((d) => d.id).sort());
      expect(record.items?.every((i) => i.kind === "device" && i.state === "sent")).toBe(true);
      expect(record.items?.find((i) => i.id === devices[0]?.id)?.label).toBe(
        devices[0]?.deviceName,
      );

      await events.waitFor(
        (e) =>
          (e.type === "action" || e.type === "action-items") &&
          e.action.id === record.id &&
          (e.type === "action" ? (e.action.items ?? []) : e.items).some(
            (i) => i.managementState === "retirePending",
          ),
      );
      const final = await waitForAction(stack, record.id, senior, isFinal);
      expect(final.state).toBe("succeeded");
      expect(final.items?.every((i) => i.state === "succeeded")).toBe(true);
      expect(final.itemCounts).toMatchObject({ total: 5, succeeded: 5 });
      expect(final.progress).toMatchObject({ actionState: "done", attemptedCount: 5 });
      await events.waitFor(
        (e) =>
          (e.type === "action" || e.type === "action-items") &&
          e.action.id === record.id &&
          e.action.completedAt !== undefined,
      );
      events.close();
      expect(await devicesOf(lukasz)).toEqual([]);

      // The same key again: the same record, and still one POST.
      const replay = await retire(
        lukasz,
        { confirmUserPrincipalName: upnOf("lukaszWisniewski").toUpperCase(), reason: "INC-42" },
        senior,
        key,
      );
      expect(replay.status).toBe(202);
      expect(ActionRecordSchema.parse(await replay.json()).id).toBe(record.id);
      const posts = graphPosts();
      expect(posts).toHaveLength(1);
      expect(posts[0]?.path).toBe(`/v1.0/users/${lukasz}/removeAllDevicesFromManagement`);
    });

    for (const kind of ["status", "drop"] as const) {
      const what = kind === "status" ? "a 503" : "a dropped connection";
      it(`records ${what} as unknown, never resends, and reconciles: it did not happen`, async () => {
        stack.sim.setFaults([
          { method: "POST", path: "/removeAllDevicesFromManagement$", kind, status: 503, times: 1 },
        ]);
        const response = await retire(lukasz, {
          confirmUserPrincipalName: upnOf("lukaszWisniewski"),
        });
        const record = ActionRecordSchema.parse(await response.json());
        expect(record.state).toBe("unknown");
        expect(record.items?.every((i) => i.state === "unknown")).toBe(true);
        const final = await waitForAction(stack, record.id, senior, isFinal);
        expect(final.state).toBe("failed");
        expect(final.graph?.code).toBe("notApplied");
        expect(final.items?.every((i) => i.state === "failed")).toBe(true);
        expect(graphPosts()).toHaveLength(1);
        expect((await devicesOf(lukasz)).every((d) => d.managementState === "managed")).toBe(true);
      });

      it(`reconciles a retire that took effect although its answer was ${what}`, async () => {
        stack.sim.setFaults([
          {
            method: "POST",
            path: "/removeAllDevicesFromManagement$",
            kind,
            status: 503,
            times: 1,
            afterApplying: true,
          },
        ]);
        const response = await retire(lukasz, {
          confirmUserPrincipalName: upnOf("lukaszWisniewski"),
        });
        const record = ActionRecordSchema.parse(await response.json());
        expect(record.state).toBe("unknown");
        const final = await waitForAction(stack, record.id, senior, isFinal);
        expect(final.state).toBe("succeeded");
        expect(final.items?.every((i) => i.state === "succeeded")).toBe(true);
        expect(graphPosts()).toHaveLength(1);
      });
    }

    it("sends the retire again only after Graph's 429 (it did not act): one retire in Graph", async () => {
      stack.sim.setFaults([
        {
          method: "POST",
          path: "/removeAllDevicesFromManagement$",
          kind: "throttle",
          retryAfterSeconds: 1,
          times: 1,
        },
      ]);
      const response = await retire(lukasz, {
        confirmUserPrincipalName: upnOf("lukaszWisniewski"),
      });
      const record = ActionRecordSchema.parse(await response.json());
      expect(record.state).toBe("succeeded");
      expect(graphPosts().map((c) => c.status)).toEqual([429, 204]);
      const final = await waitForAction(stack, record.id, senior, isFinal);
      expect(final.items?.every((i) => i.state === "succeeded")).toBe(true);
    });

    it("records Graph's refusal as failed, with every device failed and nothing watched", async () => {
      // A 400: Graph's 403 on an Intune write is the missing Intune role, answered as a
      // problem (realistic/intune-rbac-writes.test.ts); any other refusal is a failed record.
      stack.sim.setFaults([
        { method: "POST", path: "/removeAllDevicesFromManagement$", kind: "status", status: 400 },
      ]);
      const response = await retire(lukasz, {
        confirmUserPrincipalName: upnOf("lukaszWisniewski"),
      });
      const record = ActionRecordSchema.parse(await response.json());
      expect(record.state).toBe("failed");
      expect(record.graph?.status).toBe(400);
      expect(record.completedAt).toBeDefined();
      expect(record.items?.every((i) => i.state === "failed" && i.graph?.status === 400)).toBe(
        true,
      );
      expect(record.itemCounts).toMatchObject({ total: 5, failed: 5 });
      expect(stack.deps.actions.retireWatchers.activeCount).toBe(0);
      expect(graphPosts()).toHaveLength(1);
    });

    it("answers 409 while every device is already being retired", async () => {
      const body = { confirmUserPrincipalName: upnOf("joseNunez") };
      const first = await retire(seededUserIds.joseNunez, body);
      expect(first.status).toBe(202);
      await expectProblem(await retire(seededUserIds.joseNunez, body), 409, "conflict");
      expect(graphPosts()).toHaveLength(1);
    });
  });
});
