import { useTargetActionsIfAvailable, type TargetRef } from "../lib/api/get-target-actions";
import { ActionWaitNotice } from "./action-wait-notice";

export interface SendingWaitProps {
  /** What the dialog acts on: its records arrive live in this target's list. */
  target: TargetRef;
  /** The dialog's key: its record is the one journaled under it. */
  idempotencyKey: string;
}

/**
 * While a dialog's request is held (Graph throttles, the write budget is spent), why and for how
 * long, from the dialog's own record as its events arrive (issue #12, 5); nothing otherwise.
 */
export function SendingWaitNotice({ target, idempotencyKey }: SendingWaitProps) {
  const record = useTargetActionsIfAvailable(target)?.items.find(
    (action) => action.idempotencyKey === idempotencyKey,
  );
  return record === undefined ? null : <ActionWaitNotice action={record} />;
}
