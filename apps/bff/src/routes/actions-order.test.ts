import { randomBytes } from "node:crypto";
import { ActionListSchema } from "@ihc/contracts";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { record } from "../actions/stores/action-journal.contract.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

/** CI and developers' machines run PostgreSQL here (issue #13: trust auth, database `test`). */
const databaseUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const admin = async (sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const RECORDS = 7;

/**
 * Activity sorted by time both ways (issue #18, 1): `order` pages through the journal with the
 * cursor, over HTTP, against each store the BFF can run on. Every record comes once, in order,
 * whatever the direction; a cursor continues the direction it is sent with.
 */
describe.each(["SQLite", "Postgres"] as const)("GET /api/actions?order= on %s", (store) => {
  let stack: Stack;
  let senior: string;
  let schema: string | undefined;
  /** The records, oldest first, a minute apart. */
  const ids: string[] = [];

  beforeAll(async () => {
    if (store === "Postgres") {
      schema = `actions_order_${randomBytes(5).toString("hex")}`;
      await admin(`CREATE SCHEMA ${schema}`);
    }
    stack = await startStack(
      schema === undefined
        ? {}
        : {
            env: {
              DATABASE_URL: `${databaseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
            },
          },
    );
    senior = await stack.tokenFor("senior");
    const start = Date.parse("2031-03-01T09:00:00.000Z");
    for (let i = 0; i < RECORDS; i += 1) {
      const at = new Date(start + i * 60_000).toISOString();
      // Final records: the BFF has nothing to recover or watch on them.
      const stored = record({ state: "succeeded", createdAt: at, updatedAt: at, completedAt: at });
      await stack.deps.actions.journal.insert(stored);
      ids.push(stored.id);
    }
  }, 60_000);

  afterAll(async () => {
    await stack.close();
    if (schema !== undefined) await admin(`DROP SCHEMA ${schema} CASCADE`);
  });

  /** Every page of `query`, `limit` at a time, following the cursor. */
  const walk = async (query: string, limit: number): Promise<string[][]> => {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const response = await stack.fetch(
        `/api/actions?${query}&limit=${String(limit)}${cursor === undefined ? "" : `&cursor=${cursor}`}`,
        { token: senior },
      );
      expect(response.status).toBe(200);
      const page = ActionListSchema.parse(await response.json());
      pages.push(page.items.map((item) => item.id));
      cursor = page.cursor;
    } while (cursor !== undefined && pages.length <= RECORDS);
    return pages;
  };

  const day = "from=2031-03-01&to=2031-03-01";

  it("pages oldest first and newest first: each record once, in its order", async () => {
    const oldest = await walk(`${day}&order=oldest`, 3);
    expect(oldest).toEqual([ids.slice(0, 3), ids.slice(3, 6), ids.slice(6)]);
    const newest = await walk(`${day}&order=newest`, 3);
    const reversed = [...ids].reverse();
    expect(newest).toEqual([reversed.slice(0, 3), reversed.slice(3, 6), reversed.slice(6)]);
    // No order is newest first.
    expect(await walk(day, 3)).toEqual(newest);
    // A page size that divides the list exactly ends with an empty page, not a repeat.
    expect((await walk(`${day}&order=oldest`, 7)).flat()).toEqual(ids);
  });

  it("continues a cursor in the direction it is sent with, and refuses an unknown order", async () => {
    const middle = ids[3] ?? "";
    const after = async (order: string) => {
      const response = await stack.fetch(
        `/api/actions?${day}&order=${order}&limit=10&cursor=${middle}`,
        { token: senior },
      );
      return ActionListSchema.parse(await response.json()).items.map((item) => item.id);
    };
    expect(await after("oldest")).toEqual(ids.slice(4));
    expect(await after("newest")).toEqual(ids.slice(0, 3).reverse());
    const bad = await stack.fetch(`/api/actions?order=ascending`, { token: senior });
    expect(bad.status).toBe(400);
  });
});
