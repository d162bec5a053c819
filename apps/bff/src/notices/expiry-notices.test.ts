import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnrollmentProfileListSchema, VppTokenListSchema } from "@ihc/contracts";
import { createSimulator } from "@ihc/tenant-sim";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startStack, TEST_WEB_ORIGIN, type Stack } from "../test-support/start-stack.js";

// Issue #18: one Teams message a day per expiring token, to EXPIRY_WEBHOOK_URL (ADR 0033).
// Driven over HTTP: the BFF reads the simulator as a signed-in agent and posts to a loopback
// receiver; the clock is injected, so "the next day" needs no sleep.

const dayMs = 86_400_000;

/** A loopback webhook: every body it received, and what it answers. */
class Receiver {
  readonly bodies: unknown[] = [];
  status = 200;
  private constructor(private readonly server: Server) {}
  static async start(): Promise<Receiver> {
    const server = createServer();
    const receiver = new Receiver(server);
    server.on("request", (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        receiver.bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        res.writeHead(receiver.status, { "content-type": "text/plain" }).end("1");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return receiver;
  }
  /** The secret-looking path is what a Teams URL carries: it must never reach a log. */
  get url(): string {
    return `http://127.0.0.1:${String((this.server.address() as AddressInfo).port)}/webhookb2/s3cr3t-path`;
  }
  /** Each message's token name (the card's first fact). */
  tokenNames(): string[] {
    return this.bodies.map((body) => factsOf(body).Token ?? "");
  }
  close(): Promise<void> {
    return new Promise((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }
}

interface Card {
  attachments: {
    contentType: string;
    content: {
      body: { type: string; text?: string; facts?: { title: string; value: string }[] }[];
      actions: { url: string }[];
    };
  }[];
}

const factsOf = (body: unknown): Record<string, string> =>
  Object.fromEntries(
    (
      (body as Card).attachments[0]?.content.body.find((b) => b.type === "FactSet")?.facts ?? []
    ).map((fact) => [fact.title, fact.value.replace(/\\(.)/g, "$1")]),
  );

/** What the banner would name at `now`: read through the BFF's own lists, filtered here by date. */
const expectedNames = async (stack: Stack, token: string, now: number, days = 30) => {
  const vpp = VppTokenListSchema.parse(
    await (await stack.fetch("/api/vpp-tokens", { token })).json(),
  ).items;
  const profiles = EnrollmentProfileListSchema.parse(
    await (await stack.fetch("/api/enrollment-profiles", { token })).json(),
  ).items;
  const within = (at: string | undefined) =>
    at !== undefined && Date.parse(at) <= now + days * dayMs;
  return [
    ...vpp.filter((t) => within(t.expirationDateTime)).map((t) => t.displayName),
    ...profiles
      .filter((p) => p.tokenStatus !== "none" && within(p.tokenExpirationDateTime))
      .map((p) => p.displayName),
  ].sort();
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const receiverForTest = async () => {
  const receiver = await Receiver.start();
  cleanups.push(() => receiver.close());
  return receiver;
};

describe("the daily expiry notice to a Teams webhook (SQLite)", () => {
  it("sends one message per expiring token per day, none for healthy ones, and not again after a restart", async () => {
    const receiver = await receiverForTest();
    const dataDir = await mkdtemp(join(tmpdir(), "bff-notices-"));
    // 01:00 UTC today: "two hours later" is the same UTC day whatever time the test runs at
    // (from Date.now() it crossed midnight when CI ran at 22:05 UTC).
    let now = Math.floor(Date.now() / dayMs) * dayMs + 3_600_000;
    const open = async () => {
      const stack = await startStack({
        dataDir,
        env: { EXPIRY_WEBHOOK_URL: receiver.url },
        expiryNotices: { clock: () => new Date(now), autoStart: false },
      });
      cleanups.push(() => stack.close());
      return stack;
    };
    const stack = await open();
    const notices = stack.deps.expiryNotices;
    if (notices === undefined) throw new Error("EXPIRY_WEBHOOK_URL set, but no scheduler");

    // Nobody signed in yet: nothing to read Graph as, nothing sent, no warning.
    expect(await notices.runOnce()).toEqual({ outcome: "waiting" });
    expect(receiver.bodies).toHaveLength(0);

    const token = await stack.tokenFor("agent");
    expect((await stack.fetch("/api/me", { token })).status).toBe(200);
    const expected = await expectedNames(stack, token, now);
    expect(expected).toEqual(
      expect.arrayContaining(["Contoso UK Retail VPP", "Fabrikam Legacy VPP"]),
    );
    expect(expected).not.toContain("Contoso Business VPP");

    const first = await notices.runOnce();
    expect(first.outcome).toBe("done");
    expect(receiver.tokenNames().sort()).toEqual(expected);
    expect(receiver.tokenNames()).not.toContain("Contoso Business VPP");

    // The message: an Adaptive Card in a message attachment, naming kind, date, days left, link.
    const retail = receiver.bodies.find(
      (b) => factsOf(b).Token === "Contoso UK Retail VPP",
    ) as Card;
    expect(retail).toMatchObject({ type: "message" });
    expect(retail.attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const facts = factsOf(retail);
    expect(facts.Kind).toBe("Apple VPP token");
    expect(facts["Expiry date"]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(Number(facts["Days left"])).toBeGreaterThanOrEqual(11);
    expect(Number(facts["Days left"])).toBeLessThanOrEqual(13);
    expect(retail.attachments[0]?.content.body[0]?.text).toMatch(
      /^Apple VPP token expires in 1[123] days$/,
    );
    expect(retail.attachments[0]?.content.actions[0]?.url).toMatch(
      new RegExp(`^${TEST_WEB_ORIGIN}/vpp-tokens/[0-9a-f-]{36}$`),
    );
    const legacy = receiver.bodies.find((b) => factsOf(b).Token === "Fabrikam Legacy VPP") as Card;
    expect(legacy.attachments[0]?.content.body[0]?.text).toMatch(
      /^Apple VPP token expired \d+ days ago$/,
    );
    expect(factsOf(legacy)["Days left"]).toBe("0");
    const profile = receiver.bodies.find((b) => factsOf(b).Kind?.startsWith("Android")) as Card;
    expect(profile.attachments[0]?.content.actions[0]?.url).toBe(
      `${TEST_WEB_ORIGIN}/enrollment-profiles`,
    );
    // Never a token's value: not the VPP token's secret, not an enrollment token, not even masked.
    const everything = JSON.stringify(receiver.bodies);
    expect(everything).not.toMatch(/sim-[0-9a-f]{16}|tokenValue|maskedToken|••|"token":/);

    // The same day: nothing again for a token already told of, from this process or after a
    // restart. Two hours on, a token whose expiry has just come within 30 days is told of once
    // (the seed's expiries follow the real clock, so which ones depends on the time of day).
    now += 2 * 3_600_000;
    const later = await expectedNames(stack, token, now);
    const entered = later.filter((name) => !expected.includes(name));
    receiver.bodies.length = 0;
    const second = await notices.runOnce();
    expect(second.outcome === "done" && second.sent.length).toBe(entered.length);
    expect(receiver.tokenNames().sort()).toEqual(entered);
    await stack.close();
    cleanups.pop();
    const restarted = await open();
    expect(
      (await restarted.fetch("/api/me", { token: await restarted.tokenFor("agent") })).status,
    ).toBe(200);
    const again = await restarted.deps.expiryNotices?.runOnce();
    expect(again).toMatchObject({ outcome: "done", sent: [] });
    expect(again?.outcome === "done" && again.alreadyClaimed.length).toBe(later.length);
    expect(receiver.bodies).toHaveLength(entered.length);

    // The next day: each token still in the window once more.
    receiver.bodies.length = 0;
    now += dayMs;
    const nextDay = await expectedNames(restarted, await restarted.tokenFor("agent"), now);
    await restarted.deps.expiryNotices?.runOnce();
    expect(receiver.tokenNames().sort()).toEqual(nextDay);
    expect(restarted.logs.text).not.toContain("s3cr3t");
    expect(stack.logs.text).not.toContain("s3cr3t");
  });

  it("logs a refused post and stops the cycle there; the next cycle sends what is left", async () => {
    const receiver = await receiverForTest();
    const now = Date.now();
    const stack = await startStack({
      env: { EXPIRY_WEBHOOK_URL: receiver.url },
      expiryNotices: { clock: () => new Date(now), autoStart: false },
    });
    cleanups.push(() => stack.close());
    const token = await stack.tokenFor("agent");
    await stack.fetch("/api/me", { token });
    const expected = await expectedNames(stack, token, now);

    receiver.status = 500;
    const failed = await stack.deps.expiryNotices?.runOnce();
    expect(failed).toMatchObject({ outcome: "postFailed", sent: [] });
    // One post, not one per token, and no retry inside the cycle.
    expect(receiver.bodies).toHaveLength(1);
    expect(stack.logs.text).toContain("the webhook did not take the message");
    expect(stack.logs.text).not.toContain("s3cr3t");

    receiver.status = 200;
    receiver.bodies.length = 0;
    await stack.deps.expiryNotices?.runOnce();
    expect(receiver.tokenNames().sort()).toEqual(expected);
  });

  it("runs on its own timer once someone has signed in", async () => {
    const receiver = await receiverForTest();
    const stack = await startStack({
      env: { EXPIRY_WEBHOOK_URL: receiver.url },
      expiryNotices: { firstDelayMs: 20, waitingRetryMs: 100, intervalMs: 100 },
    });
    cleanups.push(() => stack.close());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.bodies).toHaveLength(0);
    const token = await stack.tokenFor("agent");
    await stack.fetch("/api/me", { token });
    const expected = await expectedNames(stack, token, Date.now());
    await expect.poll(() => receiver.bodies.length, { timeout: 10_000 }).toBe(expected.length);
    // Several more cycles the same day send nothing more.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.tokenNames().sort()).toEqual(expected);
  });
});

/** CI and developers' machines run PostgreSQL here (issue #13). */
const databaseUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

describe("the daily expiry notice with two instances on one Postgres", () => {
  it("sends each token's message once between them", async () => {
    const receiver = await receiverForTest();
    const schema = `notices_${randomBytes(5).toString("hex")}`;
    await admin(`CREATE SCHEMA ${schema}`);
    cleanups.push(() => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    const sim = await createSimulator({
      host: "127.0.0.1",
      port: 0,
      spaOrigins: [TEST_WEB_ORIGIN],
    });
    cleanups.push(() => sim.close());
    const now = Date.now();
    const instance = async () => {
      const stack = await startStack({
        sim,
        env: {
          EXPIRY_WEBHOOK_URL: receiver.url,
          DATABASE_URL: `${databaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
        },
        expiryNotices: { clock: () => new Date(now), autoStart: false },
      });
      cleanups.push(() => stack.close());
      await stack.fetch("/api/me", { token: await stack.tokenFor("agent") });
      return stack;
    };
    // One after the other: the first creates the schema's tables.
    const a = await instance();
    const b = await instance();
    const expected = await expectedNames(a, await a.tokenFor("agent"), now);

    const [ranA, ranB] = await Promise.all([
      a.deps.expiryNotices?.runOnce(),
      b.deps.expiryNotices?.runOnce(),
    ]);
    expect(receiver.tokenNames().sort()).toEqual(expected);
    const sentBy = (cycle: typeof ranA) => (cycle?.outcome === "done" ? cycle.sent.length : -1);
    expect(sentBy(ranA) + sentBy(ranB)).toBe(expected.length);

    // Later the same day the second instance, alone, sends none.
    expect(await b.deps.expiryNotices?.runOnce()).toMatchObject({ outcome: "done", sent: [] });
    expect(receiver.bodies).toHaveLength(expected.length);
  });
});
