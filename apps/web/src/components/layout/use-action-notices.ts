import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { onActionFinished } from "../../lib/action-finished-notice";
import { actionNoticesOn } from "../../lib/action-notice-setting";
import { actionPath } from "../../lib/route-paths";

/** Actions already announced in this tab: one notification per action, replays included. */
const announced = new Set<string>();

/**
 * A browser notification when an action the agent started ends while this tab is in the
 * background (issue #18), if they turned the setting on. Clicking it brings the tab forward on
 * the action's record.
 */
export function useActionNotices(myOid: string): void {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(
    () =>
      onActionFinished((action, outcome) => {
        if (action.actor.oid !== myOid) return;
        if (document.visibilityState !== "hidden") return;
        if (!actionNoticesOn()) return;
        if (announced.has(action.id)) return;
        announced.add(action.id);
        const notification = new Notification(
          t("actionNotices.title", {
            kind: t(`actionKinds.${action.kind}`),
            outcome: t(`actionNotices.outcome.${outcome}`),
          }),
          { body: action.target.displayName, tag: action.id },
        );
        notification.onclick = () => {
          window.focus();
          void navigate(actionPath(action.id));
          notification.close();
        };
      }),
    [myOid, t, navigate],
  );
}
