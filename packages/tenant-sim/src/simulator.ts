import type { MintTokenOptions } from "./control/mint-token-options.js";
import type { FaultRule } from "./faults/fault-rule.js";
import type { Scenario, SimulatorProfile } from "./faults/scenario.js";
import type { ThrottlingPatch, ThrottlingSettings } from "./faults/throttling.js";
import type { ReceivedGraphRequest } from "./graph/received-log.js";
import type { WorkloadTokenOptions } from "./identity/workload-issuer.js";
import type { DemoAccount } from "./seed/demo-tenant.js";
import type { TenantSize } from "./seed/tenant-size.js";
import type { VppTiming } from "./store/vpp-timing.js";

export interface SimulatorOptions {
  /** Default "127.0.0.1". */
  host?: string;
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default `http://localhost:${actualPort}`; used in issuer, metadata and endpoints. */
  publicUrl?: string;
  /** CORS allow-list and allowed redirect-URI origins; default ["http://localhost:5173"]. */
  spaOrigins?: string[];
  /** Seed of the generated tenant data; default 1. */
  seed?: number;
  /**
   * How many users the tenant has: "tiny" (about 20, for unit tests), "demo" (default, the demo
   * tenant) or "large" (50,000 users and about 76,000 devices, generated in a few seconds).
   */
  size?: TenantSize;
  /**
   * "demo" (default: fast and friendly) or "realistic" (as harsh as a real tenant): the
   * scenario's defaults, which DELETE /_sim/scenario returns to.
   */
  profile?: SimulatorProfile;
  /** The profile's time scale replaced (scenario `timeScale`), across resets too. */
  timeScale?: number;
  /** Receives one readable line per request; default none. */
  log?: (line: string) => void;
}

/** The tenant's two app registrations, as a BFF or SPA configuration needs them. */
export interface SimulatorApps {
  spa: { clientId: string; displayName: string };
  api: {
    clientId: string;
    displayName: string;
    clientSecret: string;
    identifierUri: string;
    /** The full delegated scope, "api://…/access_as_user". */
    scope: string;
    /** Delegated Graph permissions consented for the API; they make up the Graph token's scp. */
    graphScopes: readonly string[];
  };
}

export interface Simulator {
  /** The public URL. */
  url: string;
  tenantId: string;
  /** `${url}/${tenantId}/v2.0` */
  issuer: string;
  /** `${url}/${tenantId}/v2.0/.well-known/openid-configuration` */
  metadataUrl: string;
  /** Graph's base: `${graphUrl}/v1.0/...` and `${graphUrl}/beta/...`; equals url. */
  graphUrl: string;
  apps: SimulatorApps;
  accounts: readonly DemoAccount[];
  /** The same as POST /_sim/token. */
  mintToken(options: MintTokenOptions): Promise<string>;
  /**
   * The same as POST /_sim/workload-token: a federated token of the console's workload identity,
   * as a cluster projects it into AZURE_FEDERATED_TOKEN_FILE; options break one thing each.
   */
  mintWorkloadToken(options?: WorkloadTokenOptions): Promise<string>;
  received(): ReceivedGraphRequest[];
  clearReceived(): void;
  setFaults(faults: FaultRule[]): void;
  clearFaults(): void;
  setScenario(scenario: Partial<Scenario>): void;
  /** The same as DELETE /_sim/scenario: the profile's defaults again. */
  resetScenario(): void;
  /** The same as PUT /_sim/throttling: one service's Intune throttling limits. */
  setThrottling(patch: ThrottlingPatch): void;
  /** The same as GET /_sim/throttling. */
  throttling(): ThrottlingSettings;
  /** The same as DELETE /_sim/throttling: Intune's limits again, windows emptied. */
  resetThrottling(): void;
  /** The profile the simulator started with. */
  profile: SimulatorProfile;
  /** The same as GET /_sim/scenario. */
  scenario(): Scenario;
  /** The same as POST /_sim/keys/rotate: a new signing key, published beside the old one. */
  rotateSigningKey(options?: { dropPrevious?: boolean }): Promise<string>;
  /** The same as POST /_sim/devices/{id}/check-in; false for an unknown device. */
  checkInDevice(id: string): boolean;
  /** The size the tenant was generated at (and is regenerated at on reset). */
  size: TenantSize;
  /** The same as PUT /_sim/timing: how long VPP revokes, syncs and device retirements take. */
  setTiming(timing: Partial<VppTiming>): void;
  timing(): VppTiming;
  resetTiming(): void;
  /** The same as POST /_sim/tenant/reset: the seeded tenant again, as at start. */
  resetTenant(): void;
  close(): Promise<void>;
}
