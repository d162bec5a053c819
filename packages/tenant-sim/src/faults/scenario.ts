import { z } from "zod";

/** `demo` is fast and friendly; `realistic` is as harsh as a real tenant (README, "Profiles"). */
export const simulatorProfiles = ["demo", "realistic"] as const;
export type SimulatorProfile = (typeof simulatorProfiles)[number];

/**
 * Switches that make the simulated tenant behave like a real one in one respect each. A profile
 * is a set of defaults for them; PUT /_sim/scenario changes any one alone.
 */
export const ScenarioSchema = z.strictObject({
  /** Graph answers 401 insufficient_claims unless the Graph token carries acrs "c1". */
  claimsChallenge: z.boolean(),
  /** The on-behalf-of grant answers interaction_required (AADSTS50076), as for MFA. */
  oboInteractionRequired: z.boolean(),
  /**
   * The on-behalf-of grant for Graph needs authentication context c1 (a Conditional Access
   * policy, as for MFA): the request must pass the claims (acrs c1) and the assertion carry
   * them, else interaction_required with that claims challenge.
   */
  oboAuthenticationContext: z.boolean(),
  /** The on-behalf-of grant answers AADSTS65001 consent_required: nobody granted admin consent. */
  oboConsentRequired: z.boolean(),
  /** API tokens come in v1.0 shape, as before `accessTokenAcceptedVersion: 2` is set. */
  v1ApiTokens: z.boolean(),
  /** API tokens name another client application (`azp`/`appid`) than the console's SPA. */
  apiTokensForOtherClient: z.boolean(),
  /** Delegated Intune calls also need an Intune role of the signed-in person (intune-rbac.ts). */
  intuneRbac: z.boolean(),
  /**
   * With `intuneRbac`: every account that holds Intune roles holds only "Read Only Operator",
   * so reads pass and Intune refuses the writes (a test of a write refused for a missing role).
   */
  intuneReadOnly: z.boolean(),
  /**
   * Intune's own pace (realistic-timing.ts): revokes run for minutes, license counts catch up
   * late, a retired or wiped device waits for its next check-in. Replaces /_sim/timing.
   */
  realTimings: z.boolean(),
  /** Multiplies every real timing: 0.001 turns Intune's 15 minutes into 0.9 s. */
  timeScale: z.number().positive().max(1000),
  /** A Required or Available assignment to a group gives a revoked member's license back. */
  assignmentsRelicense: z.boolean(),
  /** `$filter` and `$select` Intune ignores answer as if absent (ignored-query-options.ts). */
  ignoredQueryOptions: z.boolean(),
  /** Some entities carry enum values the schema extract does not list (new-enum-values.ts). */
  newEnumValues: z.boolean(),
  /** Action results carry other `actionName` values than the documented-looking ones. */
  otherActionNames: z.boolean(),
  /** Intune's 429s come without Retry-After; injected 503s come with it. */
  retryAfterAsIntune: z.boolean(),
  /** usedLicenseCount counts licenses Apple holds that Intune does not list. */
  usedLicenseCountDrift: z.boolean(),
  /** macOS VPP apps on the same tokens appear in mobileApps and in the token's revoke. */
  macOsVppApps: z.boolean(),
});

export type Scenario = z.infer<typeof ScenarioSchema>;

export const ScenarioPatchSchema = ScenarioSchema.partial();

export const defaultScenario: Readonly<Scenario> = Object.freeze({
  claimsChallenge: false,
  oboInteractionRequired: false,
  oboAuthenticationContext: false,
  oboConsentRequired: false,
  v1ApiTokens: false,
  apiTokensForOtherClient: false,
  intuneRbac: false,
  intuneReadOnly: false,
  realTimings: false,
  timeScale: 1,
  assignmentsRelicense: false,
  ignoredQueryOptions: false,
  newEnumValues: false,
  otherActionNames: false,
  retryAfterAsIntune: false,
  usedLicenseCountDrift: false,
  macOsVppApps: false,
});

/** The realistic profile: every behaviour of a real tenant on, at real speed. */
export const realisticScenario: Readonly<Scenario> = Object.freeze({
  ...defaultScenario,
  intuneRbac: true,
  realTimings: true,
  assignmentsRelicense: true,
  ignoredQueryOptions: true,
  newEnumValues: true,
  otherActionNames: true,
  retryAfterAsIntune: true,
  usedLicenseCountDrift: true,
  macOsVppApps: true,
});

export function scenarioOfProfile(profile: SimulatorProfile): Readonly<Scenario> {
  return profile === "realistic" ? realisticScenario : defaultScenario;
}

/** The scenario in force; a reset returns to the profile's defaults, not to `demo`'s. */
export class ScenarioState {
  private current: Scenario;

  /** `timeScale`: the profile's default time scale replaced (`--time-scale`), resets included. */
  constructor(
    private readonly profile: SimulatorProfile = "demo",
    private readonly timeScale?: number,
  ) {
    this.current = this.defaults();
  }

  private defaults(): Scenario {
    const scenario = { ...scenarioOfProfile(this.profile) };
    return this.timeScale === undefined ? scenario : { ...scenario, timeScale: this.timeScale };
  }

  get(): Readonly<Scenario> {
    return this.current;
  }

  update(patch: Partial<Scenario>): void {
    this.current = { ...this.current, ...patch };
  }

  reset(): void {
    this.current = this.defaults();
  }
}
