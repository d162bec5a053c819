import type { ActionTarget } from "@ihc/contracts";

/**
 * Cache keys shared by the features that read a resource and by the event stream that keeps
 * those caches live (`event-stream.ts`), so both always name the same entries.
 */
export const vppTokenKeys = {
  all: ["vpp-tokens"] as const,
  list: () => [...vppTokenKeys.all, "list"] as const,
  detail: (id: string) => [...vppTokenKeys.all, "detail", id.toLowerCase()] as const,
};

export const actionKeys = {
  all: ["actions"] as const,
  /** The whole journal, paged (an infinite query of `ActionList` pages). */
  journal: () => [...actionKeys.all, "journal"] as const,
  /** Every target's list (`byTarget`), for the stream's shared part. */
  allByTarget: () => [...actionKeys.all, "by-target"] as const,
  allDetails: () => [...actionKeys.all, "detail"] as const,
  /** The newest records about one target (a single `ActionList`, `lib/api/get-target-actions.ts`). */
  byTarget: (target: Pick<ActionTarget, "type" | "id">) =>
    [...actionKeys.all, "by-target", target.type, target.id.toLowerCase()] as const,
  detail: (id: string) => [...actionKeys.all, "detail", id] as const,
};

export const enrollmentProfileKeys = {
  all: ["enrollment-profiles"] as const,
  list: () => [...enrollmentProfileKeys.all, "list"] as const,
};

export const userKeys = {
  all: ["users"] as const,
  /** One search's pages (an infinite query), keyed by the trimmed text as typed. */
  search: (text: string) => [...userKeys.all, "search", text] as const,
  detail: (id: string) => [...userKeys.all, "detail", id.toLowerCase()] as const,
  devices: (id: string) => [...userKeys.all, "devices", id.toLowerCase()] as const,
  /** Every user's VPP licenses (an app's revoke changes them); `vppLicenses(id)` for one. */
  allVppLicenses: () => [...userKeys.all, "vpp-licenses"] as const,
  vppLicenses: (id: string) => [...userKeys.allVppLicenses(), id.toLowerCase()] as const,
};

export const deviceKeys = {
  all: ["devices"] as const,
  detail: (id: string) => [...deviceKeys.all, "detail", id.toLowerCase()] as const,
};

export const appKeys = {
  all: ["apps"] as const,
  list: () => [...appKeys.all, "list"] as const,
  detail: (id: string) => [...appKeys.all, "detail", id.toLowerCase()] as const,
  /** Who the app is assigned to (revoke dialogs warn with it). */
  assignments: (id: string) => [...appKeys.all, "assignments", id.toLowerCase()] as const,
  /** Every search of one app's licenses (an infinite query of pages each). */
  licenses: (id: string) => [...appKeys.all, "licenses", id.toLowerCase()] as const,
  licenseSearch: (id: string, search: string) => [...appKeys.licenses(id), search] as const,
  /** The reclaim report across every app (issue #18, 3). */
  reclaimable: () => [...appKeys.all, "reclaimable"] as const,
};

/** What the console reads about an action's target, e.g. to read it again on "Check now". */
export function targetDataKeys(target: Pick<ActionTarget, "type" | "id">): readonly unknown[][] {
  switch (target.type) {
    case "vppToken":
      return [[...vppTokenKeys.detail(target.id)], [...vppTokenKeys.list()]];
    case "app":
      return [
        [...appKeys.detail(target.id)],
        [...appKeys.licenses(target.id)],
        [...appKeys.list()],
      ];
    case "enrollmentProfile":
      return [[...enrollmentProfileKeys.list()]];
    case "user":
      return [
        [...userKeys.detail(target.id)],
        [...userKeys.devices(target.id)],
        [...userKeys.vppLicenses(target.id)],
      ];
    case "device":
      return [[...deviceKeys.detail(target.id)]];
  }
}
