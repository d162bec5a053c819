import { intunePermissionLabels } from "@ihc/contracts";
import type { TFunction } from "i18next";
import type { ErrorDescription } from "../lib/api-error";
import { formatDateTime, formatRelativeTime } from "../lib/format";
import { hasErrorMessage, type Language } from "../lib/i18n";

export interface ProblemWords {
  heading: string;
  /** What to do about it, in the agent's language where we can say it; else the server's detail. */
  explanation: string | undefined;
}

/**
 * The heading and explanation an error panel shows: our words for the codes we know (the
 * server's title for newer ones); for a refusal because the same action is open, which one and
 * who started it (issue #12, 3); for a missing Intune role, the permission by the name the
 * Intune admin center gives it, so the agent can ask an Intune administrator for exactly that;
 * for the identity mistakes of issue #16, what an administrator must change (no sign-in helps).
 */
export function problemWords(
  t: TFunction,
  language: Language,
  info: ErrorDescription,
  now: Date,
): ProblemWords {
  const running = info.runningAction;
  if (running !== undefined) {
    return {
      heading: t("errors.running.title"),
      explanation: t("errors.running.detail", {
        action: t(`actionKinds.${running.kind}`),
        who: running.actor.displayName,
        upn: running.actor.userPrincipalName,
        when: formatRelativeTime(new Date(running.createdAt), language, now),
        at: formatDateTime(running.createdAt, language, { timeStyle: "short" }),
      }),
    };
  }
  const heading = hasErrorMessage(info.code) ? t(`errors.codes.${info.code}`) : info.title;
  if (info.code === "intuneRoleMissing" && info.intunePermission !== undefined) {
    return {
      heading,
      explanation: t("errors.intuneRoleMissing", {
        permission: intunePermissionLabels[info.intunePermission],
      }),
    };
  }
  if (info.code === "adminConsentRequired" && info.permissions.length > 0) {
    return {
      heading,
      explanation: t("errors.adminConsentRequired", { permissions: info.permissions.join(", ") }),
    };
  }
  if (info.code === "accessTokenVersion1" || info.code === "tokenForAnotherClient") {
    return { heading, explanation: t(`errors.${info.code}`) };
  }
  return { heading, explanation: info.detail };
}
