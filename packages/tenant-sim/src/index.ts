export { createSimulator } from "./create-simulator.js";
export { demoAccounts, demoTenant } from "./seed/demo-tenant.js";
export { demoApiCertificate } from "./seed/demo-api-certificate.js";
export type { DemoAccount, DemoAccountKey } from "./seed/demo-tenant.js";
export type { Simulator, SimulatorApps, SimulatorOptions } from "./simulator.js";
export type { MintTokenOptions } from "./control/mint-token-options.js";
export type { FaultRule } from "./faults/fault-rule.js";
export type { Scenario } from "./faults/scenario.js";
export type { ReceivedGraphRequest } from "./graph/received-log.js";
export {
  seededIds,
  iosVppAppSeeds,
  largeTenantIosVppAppSeeds,
  vppTokenSeeds,
  otherAppSeeds,
} from "./seed/vpp-catalog.js";
export type { IosVppAppKey, OtherAppKey, VppTokenKey } from "./seed/vpp-catalog.js";
export {
  androidDeviceOwnerProfileSeeds,
  androidForWorkProfileSeeds,
  seededEnrollmentProfileIds,
} from "./seed/enrollment-profile-catalog.js";
export type {
  AndroidDeviceOwnerProfileKey,
  AndroidForWorkProfileKey,
} from "./seed/enrollment-profile-catalog.js";
export { groupSeeds } from "./seed/realistic-catalog.js";
export { maxTokenValiditySeconds } from "./store/enrollment-profile-state.js";
export { defaultThrottling, throttledServices } from "./faults/throttling.js";
export type {
  ServiceLimits,
  ThrottledService,
  ThrottlingPatch,
  ThrottlingSettings,
} from "./faults/throttling.js";
export { defaultVppTiming } from "./store/vpp-timing.js";
export type { VppTiming } from "./store/vpp-timing.js";
export { maxBatchRequests } from "./graph/batch.js";
export { tenantSizes, tenantSizeProfiles } from "./seed/tenant-size.js";
export type { TenantSize } from "./seed/tenant-size.js";
export { seededDeviceIds, seededUserIds, showcaseUserSeeds } from "./seed/showcase-catalog.js";
export { reclaimSeeds } from "./seed/reclaim-catalog.js";
export type { ShowcaseUserKey } from "./seed/showcase-catalog.js";
