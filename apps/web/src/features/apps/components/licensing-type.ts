import type { IosVppApp } from "@ihc/contracts";

/** Graph's two booleans as one word: which licenses the app can be given. */
export type LicensingType = "userAndDevice" | "user" | "device" | "none";

export function licensingTypeOf(app: Pick<IosVppApp, "licensingType">): LicensingType {
  const { supportsUserLicensing: user, supportsDeviceLicensing: device } = app.licensingType;
  return user && device ? "userAndDevice" : user ? "user" : device ? "device" : "none";
}
