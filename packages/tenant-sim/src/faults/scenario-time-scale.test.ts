import { describe, expect, it } from "vitest";
import { ScenarioState } from "./scenario.js";

describe("the scenario's time scale from the command line (--time-scale / SIM_TIME_SCALE)", () => {
  it("replaces the profile's default and survives a reset", () => {
    const state = new ScenarioState("realistic", 0.002);
    expect(state.get()).toMatchObject({ realTimings: true, timeScale: 0.002 });
    state.update({ timeScale: 1 });
    state.reset();
    expect(state.get().timeScale).toBe(0.002);
  });

  it("keeps the profile's default when not given", () => {
    expect(new ScenarioState("realistic").get().timeScale).toBe(1);
  });
});
