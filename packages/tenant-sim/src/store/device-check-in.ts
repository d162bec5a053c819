import type { SimulatorContext } from "../simulator-context.js";

/** POST /_sim/devices/{id}/check-in: the device checks in with Intune now. */
export function checkInDevice(ctx: SimulatorContext, id: string): boolean {
  return ctx.store.managedDevices.checkIn(id);
}
