import { activityEventApplier } from "../features/activity/api/apply-action-events";
import { appEventApplier } from "../features/apps/api/apply-action-events";
import { enrollmentProfileEventApplier } from "../features/enrollment-profiles/api/apply-action-events";
import { userEventApplier } from "../features/users/api/apply-action-events";
import { createVppTokenEventApplier } from "../features/vpp-tokens/api/apply-action-events";
import { finishedActionApplier } from "../lib/action-finished-notice";
import type { ActionEventApplier } from "../lib/console-event-cache";

/** Every feature's part of the event stream; the shared part (`lib/`) runs before these. */
export const actionEventAppliers: readonly ActionEventApplier[] = [
  activityEventApplier,
  appEventApplier,
  enrollmentProfileEventApplier,
  userEventApplier,
  createVppTokenEventApplier(),
  // Last: the features have updated their copies when the notice goes out.
  finishedActionApplier,
];
