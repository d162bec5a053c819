import type { IosVppApp } from "@ihc/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTargetActionsIfAvailable } from "../../../lib/api/get-target-actions";
import { appKeys } from "../../../lib/query-keys";
import {
  countFollowUp,
  countPhaseOf,
  countReadDelayMs,
  followRevoke,
  type CountFollowUp,
} from "./count-follow-up";

/**
 * How far the count shown can be trusted after a revoke sent from this page: `current`, or
 * `updating` (Intune has finished the revoke but not yet counted it; read again with backoff),
 * or `late` (still not counted after `countFollowUp.boundMs`: no more reads, the words stay).
 */
export type CountFreshness = "current" | "updating" | "late";

export interface UsedCountFollowUp {
  freshness: CountFreshness;
  /** A revoke was accepted: follow the count from `seenCount` (see followRevoke). */
  follow: (actionId: string, seenCount: number) => void;
}

export function useUsedCountFollowUp(app: IosVppApp): UsedCountFollowUp {
  const client = useQueryClient();
  const [followed, setFollowed] = useState<CountFollowUp | undefined>(undefined);
  const [lateFor, setLateFor] = useState<string | undefined>(undefined);
  const actions = useTargetActionsIfAvailable({ type: "app", id: app.id });
  const phase = countPhaseOf(app, followed, actions?.items ?? []);
  // Once the count shows the revokes the follow-up is over for good: a license Intune gives
  // back later must not bring "updating" back.
  if (followed !== undefined && phase === "none") setFollowed(undefined);

  // Keyed by the revokes followed: a new one starts the backoff and the bound again.
  const lagging = phase === "lagging" ? followed?.actionIds.join(",") : undefined;
  useEffect(() => {
    if (lagging === undefined) return undefined;
    const started = Date.now();
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const delay = countReadDelayMs(attempt);
      if (Date.now() + delay - started > countFollowUp.boundMs) {
        timer = setTimeout(
          () => {
            setLateFor(lagging);
          },
          countFollowUp.boundMs - (Date.now() - started),
        );
        return;
      }
      timer = setTimeout(() => {
        attempt += 1;
        void client.invalidateQueries({ queryKey: appKeys.detail(app.id) });
        schedule();
      }, delay);
    };
    schedule();
    return () => {
      clearTimeout(timer);
    };
  }, [lagging, client, app.id]);

  return {
    freshness: lagging === undefined ? "current" : lateFor === lagging ? "late" : "updating",
    follow: (actionId, seenCount) => {
      setFollowed((current) => followRevoke(current, actionId, seenCount));
    },
  };
}
