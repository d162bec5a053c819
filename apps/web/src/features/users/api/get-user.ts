import {
  api,
  type ManagedDeviceList,
  type UserDetail,
  type UserVppLicenseList,
} from "@ihc/contracts";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "../../../lib/api-client";
import { userKeys } from "../../../lib/query-keys";

export function getUser(id: string, signal?: AbortSignal): Promise<UserDetail> {
  return apiRequest(api.user, { params: { id }, signal });
}

export function getUserDevices(id: string, signal?: AbortSignal): Promise<ManagedDeviceList> {
  return apiRequest(api.userDevices, { params: { id }, signal });
}

export function getUserVppLicenses(id: string, signal?: AbortSignal): Promise<UserVppLicenseList> {
  return apiRequest(api.userVppLicenses, { params: { id }, signal });
}

export function userQueryOptions(id: string) {
  return queryOptions({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => getUser(id, signal),
  });
}

/** Kept live by the event stream: every event of a retire of this user reads them again. */
export function userDevicesQueryOptions(id: string) {
  return queryOptions({
    queryKey: userKeys.devices(id),
    queryFn: ({ signal }) => getUserDevices(id, signal),
  });
}

/** Read again when an app's revoke settles (the event stream invalidates them). */
export function userVppLicensesQueryOptions(id: string) {
  return queryOptions({
    queryKey: userKeys.vppLicenses(id),
    queryFn: ({ signal }) => getUserVppLicenses(id, signal),
  });
}

export function useUser(id: string): UserDetail {
  return useSuspenseQuery(userQueryOptions(id)).data;
}

/** The devices, and when they were read (to tell a read since an action from one before it). */
export function useUserDevices(id: string): ManagedDeviceList & { readAt: number } {
  const { data, dataUpdatedAt } = useSuspenseQuery(userDevicesQueryOptions(id));
  return { ...data, readAt: dataUpdatedAt };
}

export function useUserVppLicenses(id: string): UserVppLicenseList {
  return useSuspenseQuery(userVppLicensesQueryOptions(id)).data;
}
