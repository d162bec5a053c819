export { createSimulator } from "./create-simulator.js";
export { demoAccounts, demoTenant } from "./seed/demo-tenant.js";
export type { DemoAccount, DemoAccountKey } from "./seed/demo-tenant.js";
export type { Simulator, SimulatorApps, SimulatorOptions } from "./simulator.js";
export type { MintTokenOptions } from "./control/mint-token-options.js";
export type { FaultRule } from "./faults/fault-rule.js";
export type { Scenario } from "./faults/scenario.js";
export type { ReceivedGraphRequest } from "./graph/received-log.js";
