import type { FaultInjector } from "./faults/fault-injector.js";
import type { ScenarioState } from "./faults/scenario.js";
import type { ReceivedLog } from "./graph/received-log.js";
import type { AuthCodeStore } from "./identity/auth-code-store.js";
import type { KeyStore } from "./identity/key-store.js";
import type { RefreshTokenStore } from "./identity/refresh-token-store.js";
import type { TokenIssuer } from "./identity/token-issuer.js";
import type { TenantStore } from "./store/tenant-store.js";

/** The simulator's parts, built once by createSimulator and handed to every router. */
export interface SimulatorContext {
  url: string;
  tenantId: string;
  /** v2 issuer, `${url}/${tenantId}/v2.0`. */
  issuer: string;
  spaOrigins: readonly string[];
  keys: KeyStore;
  tokens: TokenIssuer;
  store: TenantStore;
  scenario: ScenarioState;
  faults: FaultInjector;
  received: ReceivedLog;
  codes: AuthCodeStore;
  refreshTokens: RefreshTokenStore;
  /** Aborted on close(), so pending injected latency ends with the server. */
  shutdown: AbortSignal;
}
