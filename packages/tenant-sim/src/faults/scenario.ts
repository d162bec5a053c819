import { z } from "zod";

/** Switches that make the simulated tenant behave like one with Conditional Access in force. */
export const ScenarioSchema = z.strictObject({
  /** Graph answers 401 insufficient_claims unless the Graph token carries acrs "c1". */
  claimsChallenge: z.boolean(),
  /** The on-behalf-of grant answers interaction_required (AADSTS50076), as for MFA. */
  oboInteractionRequired: z.boolean(),
});

export type Scenario = z.infer<typeof ScenarioSchema>;

export const ScenarioPatchSchema = ScenarioSchema.partial();

export const defaultScenario: Readonly<Scenario> = Object.freeze({
  claimsChallenge: false,
  oboInteractionRequired: false,
});

export class ScenarioState {
  private current: Scenario = { ...defaultScenario };

  get(): Readonly<Scenario> {
    return this.current;
  }

  update(patch: Partial<Scenario>): void {
    this.current = { ...this.current, ...patch };
  }

  reset(): void {
    this.current = { ...defaultScenario };
  }
}
