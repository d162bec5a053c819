import { api, type DeviceDetail } from "@ihc/contracts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { deviceKeys } from "../../../lib/query-keys";

/** GET /api/devices/:id: the device, its primary user and the VPP licenses it holds. */
export function getDevice(id: string, signal?: AbortSignal): Promise<DeviceDetail> {
  return apiRequest(api.device, { params: { id }, signal });
}

/** Kept live by the event stream: an event about the device reads it again. */
export function deviceQueryOptions(id: string) {
  return queryOptions({
    queryKey: deviceKeys.detail(id),
    queryFn: ({ signal }) => getDevice(id, signal),
  });
}

export function useDevice(id: string): DeviceDetail {
  return useSuspenseQuery(deviceQueryOptions(id)).data;
}
