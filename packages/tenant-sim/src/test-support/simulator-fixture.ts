import { afterAll, afterEach, beforeAll } from "vitest";
import { createSimulator } from "../create-simulator.js";
import type { Simulator, SimulatorOptions } from "../simulator.js";

export interface SimulatorFixture {
  /** The file's simulator, started before its first test. */
  readonly sim: Simulator;
  /** A Graph token of the default demo account (agent). */
  readonly token: string;
}

/**
 * One simulator per test file on a free port; after each test every switch, timing, limit and
 * fault is back to the profile's defaults and the tenant is reseeded, so tests cannot leak.
 */
export function useSimulator(options: SimulatorOptions = {}): SimulatorFixture {
  let sim: Simulator | undefined;
  let token: string | undefined;
  beforeAll(async () => {
    sim = await createSimulator({ port: 0, ...options });
    token = await sim.mintToken({ audience: "graph" });
  });
  afterEach(() => {
    sim?.resetScenario();
    sim?.resetTiming();
    sim?.resetThrottling();
    sim?.clearFaults();
    sim?.resetTenant();
  });
  afterAll(() => sim?.close());
  return {
    get sim() {
      if (sim === undefined) throw new Error("The simulator starts in beforeAll");
      return sim;
    },
    get token() {
      if (token === undefined) throw new Error("The simulator starts in beforeAll");
      return token;
    },
  };
}
