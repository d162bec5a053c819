import type { ActionRecord, IosVppApp } from "@ihc/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { isSettled } from "../../../lib/action-records";
import { appKeys } from "../../../lib/query-keys";
import { hasRunningRevoke } from "../api/get-app";

/**
 * Reads the app's licenses again once its revokes are over: when Graph stops listing a revoke
 * as running, or when one of ours settles while none runs. Only then do the licenses Graph
 * lists match what the revokes left (Intune drops a license when its revoke finishes).
 */
export function useLicensesRefresh(app: IosVppApp, actions: readonly ActionRecord[]): void {
  const client = useQueryClient();
  const running = hasRunningRevoke(app);
  const settled = actions.filter(isSettled).length;
  const last = useRef({ running, settled });
  useEffect(() => {
    const before = last.current;
    last.current = { running, settled };
    const finished = before.running && !running;
    const settledIdle = settled > before.settled && !running;
    if (finished || settledIdle) {
      void client.invalidateQueries({ queryKey: appKeys.licenses(app.id) });
    }
  }, [client, running, settled, app.id]);
}
