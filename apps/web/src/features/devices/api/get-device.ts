import { api, type DeviceDetail } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { ApiError } from "../../../lib/api-error";
import { deviceKeys } from "../../../lib/query-keys";

/** GET /api/devices/:id: the device, its primary user and the VPP licenses it holds. */
export function getDevice(id: string, signal?: AbortSignal): Promise<DeviceDetail> {
  return apiRequest(api.device, { params: { id }, signal });
}

/**
 * The device, or `null` once it has left Intune (Graph answers 404 after a retire or wipe
 * completes): the page says so instead of failing (ADR 0023).
 */
export async function getDeviceIfManaged(
  id: string,
  signal?: AbortSignal,
): Promise<DeviceDetail | null> {
  try {
    return await getDevice(id, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Read again after each action on the device (its mutations' `onSettled`). */
export function deviceQueryOptions(id: string) {
  return queryOptions({
    queryKey: deviceKeys.detail(id),
    queryFn: ({ signal }) => getDeviceIfManaged(id, signal),
  });
}

export function useDevice(id: string): DeviceDetail | null {
  return useSuspenseQuery(deviceQueryOptions(id)).data;
}
