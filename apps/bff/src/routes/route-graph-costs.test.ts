import { api } from "@ihc/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../test-support/start-stack.js";
import { validParamsOf, validQueryOf } from "../adversarial/route-examples.js";
import {
  graphCostOf,
  routeGraphCosts,
  UNKNOWN_ROUTE_COST,
  variableCostRoutes,
  type RouteName,
} from "./route-graph-costs.js";

const urlOf = (name: RouteName): string => {
  const route = api[name];
  const params = validParamsOf(name, route);
  const path = route.path.replace(/:(\w+)/g, (_, param: string) =>
    encodeURIComponent(params[param] ?? ""),
  );
  const query = new URLSearchParams(validQueryOf(name, route)).toString();
  return query === "" ? path : `${path}?${query}`;
};

/** Graph's count: each sub-request of a $batch, not the envelope. */
const graphCallsIn = (stack: Stack): number =>
  stack.graphCalls().filter((call) => !call.path.endsWith("/$batch")).length;

describe("route Graph costs (ADR 0024)", () => {
  let stack: Stack;
  let token: string;

  beforeAll(async () => {
    stack = await startStack({ env: { VIEW_CACHE_SECONDS: "0" } });
    token = await stack.tokenFor("senior");
  });
  afterAll(() => stack.close());

  const reads = (Object.keys(api) as RouteName[]).filter(
    (name) => api[name].method === "GET" && name !== "events",
  );

  it.each(reads)("%s costs what it declares, measured against the simulator", async (name) => {
    stack.sim.clearReceived();
    const response = await stack.fetch(urlOf(name), { token });
    await response.arrayBuffer();
    expect(response.status, name).toBeLessThan(500);
    const calls = graphCallsIn(stack);
    if (variableCostRoutes.has(name)) {
      expect(calls, name).toBeGreaterThan(0);
      expect(calls, name).toBeLessThanOrEqual(routeGraphCosts[name]);
    } else {
      expect({ name, calls }).toEqual({ name, calls: routeGraphCosts[name] });
    }
  });

  it("matches routes by method and path; an unknown route costs the most, never nothing", () => {
    expect(graphCostOf("GET", "/api/users/abc/vpp-licenses")).toEqual({
      route: "userVppLicenses",
      cost: routeGraphCosts.userVppLicenses,
    });
    expect(graphCostOf("GET", "/api/nothing-here")).toEqual({
      route: undefined,
      cost: UNKNOWN_ROUTE_COST,
    });
    expect(UNKNOWN_ROUTE_COST).toBeGreaterThanOrEqual(routeGraphCosts.userVppLicenses);
  });
});
