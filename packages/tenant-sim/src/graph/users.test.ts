import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../create-simulator.js";
import { demoAccounts } from "../seed/demo-tenant.js";
import { seededUserIds } from "../seed/showcase-catalog.js";
import type { Simulator } from "../simulator.js";
import {
  graphErrorOf,
  graphGet,
  graphPost,
  type GraphResult,
} from "../test-support/graph-client.js";

const eventual = { ConsistencyLevel: "eventual" };
const domain = "contoso-sim.onmicrosoft.com";

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await createSimulator({ port: 0, size: "tiny" });
  token = await sim.mintToken({ audience: "graph" });
});
afterAll(() => sim.close());

/** GET /v1.0/users with the options URL-encoded, as a client sends them. */
function users(
  options: Record<string, string>,
  headers: Record<string, string> = {},
  version = "v1.0",
): Promise<GraphResult> {
  const query = Object.entries(options)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
  return graphGet(sim, `/${version}/users${query === "" ? "" : `?${query}`}`, token, headers);
}

const names = (result: GraphResult): string[] =>
  (result.body.value as { displayName: string }[]).map((u) => u.displayName);

const search = (text: string, extra: Record<string, string> = {}) =>
  users({ $search: text, ...extra }, eventual);

const filter = (text: string) => users({ $filter: text });

describe("GET /users", () => {
  it("lists users in Graph's shape, v1.0's default properties and beta's wider set", async () => {
    const v1 = await users({});
    expect(v1.status).toBe(200);
    expect(v1.body["@odata.context"]).toBe("https://graph.microsoft.com/v1.0/$metadata#users");
    const adele = (v1.body.value as Record<string, unknown>[])[0];
    expect(adele).toEqual({
      id: demoAccounts[0]?.id,
      businessPhones: ["+1 425 555 0100"],
      displayName: "Adele Vance",
      givenName: "Adele",
      jobTitle: "Helpdesk agent",
      mail: `adele.vance@${domain}`,
      mobilePhone: null,
      officeLocation: "Seattle",
      preferredLanguage: "en-US",
      surname: "Vance",
      userPrincipalName: `adele.vance@${domain}`,
    });
    const beta = await users({}, {}, "beta");
    const first = (beta.body.value as Record<string, unknown>[])[0];
    expect(first).toMatchObject({ department: "IT Helpdesk", accountEnabled: true });
  });

  it("selects properties and names them in @odata.context", async () => {
    const result = await users({ $select: "displayName,DEPARTMENT", $top: "1" });
    expect(result.body["@odata.context"]).toBe(
      "https://graph.microsoft.com/v1.0/$metadata#users(displayName,department)",
    );
    expect(result.body.value).toEqual([
      { id: demoAccounts[0]?.id, displayName: "Adele Vance", department: "IT Helpdesk" },
    ]);
    const unknown = await users({ $select: "shoeSize" });
    expect(unknown.status).toBe(400);
  });
});

describe("$search", () => {
  it("needs ConsistencyLevel: eventual, answering as Graph does without it", async () => {
    const result = await users({ $search: '"displayName:adele"' });
    expect(result.status).toBe(400);
    expect(graphErrorOf(result)).toEqual({
      code: "Request_UnsupportedQuery",
      message:
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    });
    expect((await search('"displayName:adele"')).status).toBe(200);
  });

  it("matches displayName by word prefixes, in any order, case-insensitively", async () => {
    expect(names(await search('"displayName:ADEL"'))).toEqual(["Adele Vance"]);
    expect(names(await search('"displayName:vance ad"'))).toEqual(["Adele Vance"]);
    // A word must start with the text: no "contains".
    expect(names(await search('"displayName:dele"'))).toEqual([]);
    expect(names(await search('"displayName:brien"'))).toEqual(["Siobhán O'Brien"]);
    expect(names(await search('"displayName:obri"'))).toEqual(["Siobhán O'Brien"]);
    expect(names(await search('"displayName:O\'Brien"'))).toEqual(["Siobhán O'Brien"]);
    expect(names(await search('"displayName:lüdensch"'))).toEqual(["Zoë Müller-Lüdenscheidt"]);
    expect(names(await search('"displayName:сер"'))).toEqual(["Сергей Иванов"]);
    expect(names(await search('"displayName:李"'))).toEqual(["李娜"]);
    expect(names(await search('"displayName:ŁUK"'))).toEqual(["Łukasz Wiśniewski"]);
    // Accents are not folded: "zoe" finds Zoe, not Zoë (see README).
    expect(names(await search('"displayName:zoe"'))).toEqual(["Zoe Zhang"]);
    expect(names(await search('"displayName:r&d"'))).toEqual(["R&D Lab Kiosk #3"]);
    expect(names(await search('"displayName:#4"'))).toEqual(["Conference Room #4 (Tallinn)"]);
  });

  it("matches other properties by prefix", async () => {
    expect(names(await search('"mail:megan"'))).toEqual(["Megan Bowen"]);
    expect(names(await search('"userPrincipalName:siobhan.o\'b"'))).toEqual(["Siobhán O'Brien"]);
    expect(names(await search('"department:r&d"'))).toEqual([
      "Jean-Luc D'Arcy",
      "R&D Lab Kiosk #3",
    ]);
    expect(names(await search('"mail:bowen"'))).toEqual([]);
  });

  it("combines clauses with upper-case OR and AND and parentheses", async () => {
    expect(names(await search('"displayName:adele" OR "mail:lee.gu"'))).toEqual([
      "Adele Vance",
      "Lee Gu",
    ]);
    expect(names(await search('"department:R&D" AND "displayName:lab"'))).toEqual([
      "R&D Lab Kiosk #3",
    ]);
    expect(
      names(await search('("displayName:adele" OR "displayName:megan") AND "mail:megan"')),
    ).toEqual(["Megan Bowen"]);
  });

  it("refuses malformed searches with a 400", async () => {
    for (const text of [
      '"displayName:adele" or "displayName:megan"',
      "displayName:adele",
      '"adele"',
      '"shoeSize:42"',
      '"displayName:adele',
      '("displayName:adele"',
    ]) {
      const result = await search(text);
      expect(result.status, text).toBe(400);
      expect(["BadRequest", "Request_UnsupportedQuery"]).toContain(graphErrorOf(result).code);
    }
  });

  it("takes $filter with it: the results match both", async () => {
    // "IT" is a prefix of "IT Helpdesk" too.
    expect(names(await search('"department:IT"'))).toEqual([
      "Adele Vance",
      "Megan Bowen",
      "Łukasz Wiśniewski",
      "svc$intune-sync",
      "Nestor Wilke",
    ]);
    const result = await search('"department:IT"', { $filter: "jobTitle eq 'Service account'" });
    expect(names(result)).toEqual(["svc$intune-sync"]);
  });
});

describe("$filter", () => {
  it("takes startswith on displayName and userPrincipalName, with OData string escaping", async () => {
    expect(names(await filter("startswith(displayName,'Siobhán O''B')"))).toEqual([
      "Siobhán O'Brien",
    ]);
    expect(names(await filter("startswith(displayName,'r&d')"))).toEqual(["R&D Lab Kiosk #3"]);
    expect(names(await filter("startswith(displayName,'Conference Room #')"))).toEqual([
      "Conference Room #4 (Tallinn)",
    ]);
    expect(names(await filter("startswith(displayName,'svc$')"))).toEqual(["svc$intune-sync"]);
    expect(names(await filter("startsWith(displayName,'łukasz w')"))).toEqual([
      "Łukasz Wiśniewski",
    ]);
    expect(names(await filter("startswith(displayName,'李')"))).toEqual(["李娜"]);
    expect(names(await filter("startswith(surname,'ñu')"))).toEqual(["José Ñuñez"]);
    expect(names(await filter("startswith(userPrincipalName,'jean-luc.')"))).toEqual([
      "Jean-Luc D'Arcy",
    ]);
  });

  it("takes eq on id, userPrincipalName and mail, in, and or between them", async () => {
    const upn = `siobhan.o''brien@${domain}`;
    expect(names(await filter(`userPrincipalName eq '${upn}'`))).toEqual(["Siobhán O'Brien"]);
    expect(names(await filter(`id eq '${seededUserIds.liNa}'`))).toEqual(["李娜"]);
    expect(
      names(
        await filter(
          `mail eq 'MEGAN.BOWEN@${domain}' or id eq '${seededUserIds.sergeyIvanov}' or startswith(displayName,'Noor')`,
        ),
      ),
    ).toEqual(["Megan Bowen", "Сергей Иванов", "Noor Al-Hassan"]);
    expect(names(await filter("department in ('R&D', 'Facilities')"))).toEqual([
      "Jean-Luc D'Arcy",
      "R&D Lab Kiosk #3",
      "Conference Room #4 (Tallinn)",
    ]);
    expect(names(await filter("accountEnabled eq false"))).toEqual(["Noor Al-Hassan"]);
  });

  it("needs the advanced query parameters for ne, not, endsWith and null", async () => {
    for (const text of [
      "accountEnabled ne true",
      "not startswith(displayName,'A')",
      `endswith(mail,'@${domain}')`,
      "jobTitle eq null",
    ]) {
      const plain = await filter(text);
      expect(plain.status, text).toBe(400);
      const error = graphErrorOf(plain);
      expect(error.code).toBe("Request_UnsupportedQuery");
      expect(error.message).toMatch(
        /is not supported because the required parameters might be missing/,
      );
      const advanced = await users({ $filter: text, $count: "true" }, eventual);
      expect(advanced.status, text).toBe(200);
    }
    const disabled = await users({ $filter: "accountEnabled ne true", $count: "true" }, eventual);
    expect(names(disabled)).toEqual(["Noor Al-Hassan"]);
    expect(disabled.body["@odata.count"]).toBe(1);
    const noTitle = await users({ $filter: "jobTitle eq null", $count: "true" }, eventual);
    expect(names(noTitle)).toEqual(["R&D Lab Kiosk #3", "Conference Room #4 (Tallinn)"]);
  });

  it("refuses what Graph refuses: unsupported operators, unknown properties, bad syntax", async () => {
    const gt = await filter("displayName gt 'a'");
    expect(gt.status).toBe(400);
    expect(graphErrorOf(gt)).toEqual({
      code: "Request_UnsupportedQuery",
      message:
        "Unsupported or invalid query filter clause specified for property 'displayName' of resource 'User'.",
    });
    expect((await filter("shoeSize eq '42'")).status).toBe(400);
    expect((await filter("startswith(displayName,'O'Brien')")).status).toBe(400);
    expect((await filter("accountEnabled eq 'yes'")).status).toBe(400);
    expect((await filter("contains(displayName,'a')")).status).toBe(400);
  });
});

describe("$count, $orderby, $top and paging", () => {
  it("gives @odata.count with ConsistencyLevel: eventual and ignores $count=true without it", async () => {
    const counted = await users({ $count: "true", $top: "2" }, eventual);
    // 21 seeded users and the nointune account, added after them.
    expect(counted.body["@odata.count"]).toBe(24);
    expect(counted.body.value).toHaveLength(2);
    const ignored = await users({ $count: "true", $top: "2" });
    expect(ignored.status).toBe(200);
    expect(ignored.body).not.toHaveProperty("@odata.count");
    const searched = await search('"displayName:a"', { $count: "true" });
    expect(searched.body["@odata.count"]).toBe(names(searched).length);
  });

  it("orders by displayName; with $filter or $search only in advanced queries", async () => {
    const ordered = names(await users({ $orderby: "displayName", $select: "displayName" }));
    expect(ordered.slice(0, 3)).toEqual([
      "Adele Vance",
      "Conference Room #4 (Tallinn)",
      "Gustav Volkov",
    ]);
    expect(ordered).toHaveLength(24);
    const descending = names(await users({ $orderby: "displayName desc" }));
    expect(descending).toEqual([...ordered].reverse());

    const withFilter = await users({ $orderby: "displayName", $filter: "department eq 'R&D'" });
    expect(withFilter.status).toBe(400);
    expect(graphErrorOf(withFilter)).toEqual({
      code: "Request_UnsupportedQuery",
      message: "Sorting not supported for current query.",
    });
    const advanced = await users(
      { $orderby: "displayName", $filter: "department eq 'R&D'", $count: "true" },
      eventual,
    );
    expect(names(advanced)).toEqual(["Jean-Luc D'Arcy", "R&D Lab Kiosk #3"]);
    expect((await search('"displayName:a"', { $orderby: "displayName" })).status).toBe(400);
    expect((await users({ $orderby: "jobTitle" })).status).toBe(400);
  });

  it("pages 100 by default, at most 999, with no $skip", async () => {
    expect((await users({})).body).not.toHaveProperty("@odata.nextLink");
    for (const top of ["0", "1000", "ten"]) {
      const result = await users({ $top: top });
      expect(result.status).toBe(400);
      expect(graphErrorOf(result).message).toContain("Invalid page size specified");
    }
    const skip = await users({ $skip: "5" });
    expect(skip.status).toBe(400);
    expect(graphErrorOf(skip).message).toBe("'$skip' is not supported by the service.");
  });

  it("walks every user exactly once through @odata.nextLink, carrying the other options", async () => {
    const seen: string[] = [];
    let next: string | undefined = `/v1.0/users?$top=4&$select=displayName&$orderby=displayName`;
    let pages = 0;
    while (next !== undefined) {
      const page = await graphGet(sim, next, token);
      expect(page.status).toBe(200);
      for (const user of page.body.value as { id: string; displayName: string }[]) {
        expect(Object.keys(user)).toEqual(["id", "displayName"]);
        seen.push(user.id);
      }
      const link = page.body["@odata.nextLink"];
      next = typeof link === "string" ? link.slice(sim.graphUrl.length) : undefined;
      pages += 1;
    }
    expect(pages).toBe(6);
    expect(seen).toHaveLength(24);
    expect(new Set(seen).size).toBe(24);
  });

  it("keeps $search in the nextLink, which needs the header again", async () => {
    const first = await search('"displayName:a"', { $top: "2" });
    const link = String(first.body["@odata.nextLink"]).slice(sim.graphUrl.length);
    expect(decodeURIComponent(link)).toContain('$search="displayName:a"');
    expect((await graphGet(sim, link, token)).status).toBe(400);
    const second = await graphGet(sim, link, token, eventual);
    expect(second.status).toBe(200);
    expect(names(second).some((n) => names(first).includes(n))).toBe(false);
  });
});

describe("users in a $batch", () => {
  it("takes ConsistencyLevel from each request's headers, as Graph asks", async () => {
    const result = await graphPost(sim, "/v1.0/$batch", token, {
      requests: [
        { id: "1", method: "GET", url: '/users?$search="displayName:megan"' },
        {
          id: "2",
          method: "GET",
          url: '/users?$search="displayName:megan"&$select=displayName',
          headers: eventual,
        },
        { id: "3", method: "GET", url: "/users?$filter=createdDateTime ge 2023-01-01T00:00:00Z" },
      ],
    });
    const responses = result.body.responses as {
      id: string;
      status: number;
      body: GraphResult["body"];
    }[];
    const byId = new Map(responses.map((r) => [r.id, r]));
    expect(byId.get("1")?.status).toBe(400);
    expect(byId.get("2")?.body.value).toEqual([
      { id: demoAccounts[1]?.id, displayName: "Megan Bowen" },
    ]);
    const recent = (byId.get("3")?.body.value ?? []) as { displayName: string }[];
    expect(recent.map((u) => u.displayName)).toContain("Zoë Müller-Lüdenscheidt");
    expect(recent.map((u) => u.displayName)).not.toContain("Jean-Luc D'Arcy");
  });
});

describe("GET /users/{id | userPrincipalName}", () => {
  it("finds a user by id, by UPN (apostrophe and all) and in the ('key') form", async () => {
    const byId = await graphGet(sim, `/v1.0/users/${seededUserIds.siobhanOBrien}`, token);
    expect(byId.status).toBe(200);
    expect(byId.body["@odata.context"]).toBe(
      "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
    );
    expect(byId.body.displayName).toBe("Siobhán O'Brien");
    const upn = `siobhan.o'brien@${domain}`;
    const byUpn = await graphGet(sim, `/v1.0/users/${encodeURIComponent(upn)}`, token);
    expect(byUpn.body.id).toBe(seededUserIds.siobhanOBrien);
    const quoted = encodeURIComponent(`('${upn.replace("'", "''")}')`);
    const byKey = await graphGet(sim, `/beta/users${quoted}?$select=accountEnabled`, token);
    expect(byKey.body).toMatchObject({ id: seededUserIds.siobhanOBrien, accountEnabled: true });
  });

  it("answers an unknown user with the directory's 404", async () => {
    const result = await graphGet(sim, "/v1.0/users/nobody@contoso-sim.onmicrosoft.com", token);
    expect(result.status).toBe(404);
    expect(graphErrorOf(result).code).toBe("Request_ResourceNotFound");
  });
});

describe("permissions", () => {
  it("needs a user-reading scope: 403 Authorization_RequestDenied without one", async () => {
    const none = await sim.mintToken({ audience: "graph", scopes: ["User.Read"] });
    const result = await graphGet(sim, "/v1.0/users", none);
    expect(result.status).toBe(403);
    expect(graphErrorOf(result).code).toBe("Authorization_RequestDenied");
    const directory = await sim.mintToken({ audience: "graph", scopes: ["Directory.Read.All"] });
    expect((await graphGet(sim, "/v1.0/users", directory)).status).toBe(200);
    const app = await sim.mintToken({ audience: "graph", appOnly: true, roles: ["User.Read.All"] });
    expect((await graphGet(sim, `/v1.0/users/${seededUserIds.liNa}`, app)).status).toBe(200);
  });

  it("shows only the basic profile to User.ReadBasic.All", async () => {
    const basic = await sim.mintToken({ audience: "graph", scopes: ["User.ReadBasic.All"] });
    const result = await graphGet(
      sim,
      `/v1.0/users/${seededUserIds.liNa}?$select=displayName,mail,jobTitle`,
      basic,
    );
    expect(result.body).toMatchObject({
      displayName: "李娜",
      mail: `na.li@${domain}`,
      jobTitle: null,
    });
  });
});
