import { describe, expect, it } from "vitest";
import { activityFilterOf, activitySearchOf, isFiltered } from "./activity-filter";

describe("activity filter in the URL", () => {
  it("reads known fields, drops what the contract refuses, and writes them back in order", () => {
    const filter = activityFilterOf(
      new URLSearchParams(
        "state=failed&actor=%20adele@contoso.example&from=2026-12-01&kind=nope&to=x",
      ),
    );
    expect(filter).toEqual({ state: "failed", actor: "adele@contoso.example", from: "2026-12-01" });
    expect(activitySearchOf(filter).toString()).toBe(
      "actor=adele%40contoso.example&state=failed&from=2026-12-01",
    );
    expect(isFiltered(filter)).toBe(true);
    expect(isFiltered(activityFilterOf(new URLSearchParams("colour=red")))).toBe(false);
  });
});
