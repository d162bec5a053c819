import type { FaultInjector } from "./faults/fault-injector.js";
import type { ScenarioState, SimulatorProfile } from "./faults/scenario.js";
import type { Throttler } from "./faults/throttling.js";
import type { ReceivedLog } from "./graph/received-log.js";
import type { AuthCodeStore } from "./identity/auth-code-store.js";
import type { KeyStore } from "./identity/key-store.js";
import type { RefreshTokenStore } from "./identity/refresh-token-store.js";
import type { TokenIssuer } from "./identity/token-issuer.js";
import type { WorkloadIssuer } from "./identity/workload-issuer.js";
import type { TenantSize } from "./seed/tenant-size.js";
import type { TenantStore } from "./store/tenant-store.js";
import type { VppTimingState } from "./store/vpp-timing.js";

/** The simulator's parts, built once by createSimulator and handed to every router. */
export interface SimulatorContext {
  url: string;
  tenantId: string;
  /** v2 issuer, `${url}/${tenantId}/v2.0`. */
  issuer: string;
  spaOrigins: readonly string[];
  keys: KeyStore;
  tokens: TokenIssuer;
  /** An OIDC issuer outside Entra ID that the API registration trusts (workload identity). */
  workloadIssuer: WorkloadIssuer;
  /** The seed the store was generated from; a tenant reset regenerates it. */
  seed: number;
  /** The size the store was generated at; a tenant reset keeps it. */
  size: TenantSize;
  /** Replaced on a tenant reset: read it at request time, never keep it. */
  store: TenantStore;
  timing: VppTimingState;
  throttling: Throttler;
  profile: SimulatorProfile;
  scenario: ScenarioState;
  faults: FaultInjector;
  received: ReceivedLog;
  codes: AuthCodeStore;
  refreshTokens: RefreshTokenStore;
  /** Where the simulator itself listens: $batch sends its sub-requests here. */
  loopbackUrl: string;
  /** Marks a request as a $batch sub-request; only the simulator knows it. */
  batchSecret: string;
  /** Aborted on close(), so pending injected latency ends with the server. */
  shutdown: AbortSignal;
}
