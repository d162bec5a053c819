import type { ActionKind, Permission } from "@ihc/contracts";
import type { StoredAction } from "./action-journal.js";
import type { ActionServices } from "./action-services.js";

/**
 * What the BFF knows of one action kind beside its contract (ADR 0017). This first step holds
 * the permission it needs and how an open record of it resumes after a restart; the routes
 * still load and check their targets in routes/*.ts.
 */
export interface ActionDefinition {
  kind: ActionKind;
  /** The permissions its route requires (all of them). */
  permissions: readonly Permission[];
  /**
   * Resumes an open record after a restart. `interrupted` kinds first get the shared
   * treatment (accepted → failed, nothing was sent; sent → unknown); a kind with its own queue
   * (`self`) resumes the record as it was journaled.
   */
  recovery: "interrupted" | "self";
  /** Starts whatever follows the record once its outcome is known (a watcher, a queue). */
  resume: (record: StoredAction, services: ActionServices) => void;
}

const watchByVppToken: ActionDefinition["resume"] = (record, { vppWatchers }) => {
  vppWatchers.watch(record);
};
const watchByApp: ActionDefinition["resume"] = (record, { appWatchers }) => {
  appWatchers.watch(record);
};
/** An enrollment token action is followed only to settle an `unknown` outcome (ADR 0007). */
const settleFromProfile: ActionDefinition["resume"] = (record, { enrollmentWatchers }) => {
  if (record.state === "unknown") enrollmentWatchers.watch(record);
};
const nothingFollows: ActionDefinition["resume"] = () => undefined;

/** Every kind's definition: a kind missing here is a type error. */
export const actionDefinitions: { [K in ActionKind]: ActionDefinition & { kind: K } } = {
  "vpp-token.revoke-licenses": {
    kind: "vpp-token.revoke-licenses",
    permissions: ["vpp:revoke"],
    recovery: "interrupted",
    resume: watchByVppToken,
  },
  "vpp-token.sync-licenses": {
    kind: "vpp-token.sync-licenses",
    permissions: ["vpp:revoke"],
    recovery: "interrupted",
    resume: nothingFollows,
  },
  "app.revoke-user-license": {
    kind: "app.revoke-user-license",
    permissions: ["apps:revoke"],
    recovery: "interrupted",
    resume: watchByApp,
  },
  "app.revoke-device-license": {
    kind: "app.revoke-device-license",
    permissions: ["apps:revoke"],
    recovery: "interrupted",
    resume: watchByApp,
  },
  "app.revoke-all-licenses": {
    kind: "app.revoke-all-licenses",
    permissions: ["apps:revoke"],
    recovery: "interrupted",
    resume: watchByApp,
  },
  "app.revoke-licenses-bulk": {
    kind: "app.revoke-licenses-bulk",
    permissions: ["apps:revoke"],
    // The queue resumes it: queued items are sent, items that were in flight reconciled.
    recovery: "self",
    resume: (record, { bulkRevokes }) => {
      bulkRevokes.start(record);
    },
  },
  "enrollment-profile.revoke-token": {
    kind: "enrollment-profile.revoke-token",
    permissions: ["enrollment:revoke"],
    recovery: "interrupted",
    resume: settleFromProfile,
  },
  "enrollment-profile.create-token": {
    kind: "enrollment-profile.create-token",
    permissions: ["enrollment:create"],
    recovery: "interrupted",
    resume: settleFromProfile,
  },
  "enrollment-profile.replace-token": {
    kind: "enrollment-profile.replace-token",
    permissions: ["enrollment:revoke", "enrollment:create"],
    recovery: "interrupted",
    resume: settleFromProfile,
  },
  "enrollment-profile.reveal-token": {
    kind: "enrollment-profile.reveal-token",
    permissions: ["enrollment:reveal-token"],
    recovery: "interrupted",
    resume: nothingFollows,
  },
  "user.retire-all-devices": {
    kind: "user.retire-all-devices",
    permissions: ["devices:retire"],
    recovery: "interrupted",
    resume: (record, { retireWatchers }) => {
      retireWatchers.watch(record);
    },
  },
};
