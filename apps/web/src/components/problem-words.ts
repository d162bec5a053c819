import { intunePermissionLabels } from "@ihc/contracts";
import type { TFunction } from "i18next";
import type { ErrorDescription } from "../lib/api-error";
import { hasErrorMessage } from "../lib/i18n";

export interface ProblemWords {
  heading: string;
  /** What to do about it, in the agent's language where we can say it; else the server's detail. */
  explanation: string | undefined;
}

/**
 * The heading and explanation an error panel shows. Our words for the codes we know; for a
 * missing Intune role, the permission by the name the Intune admin center gives it, so the agent
 * can ask an Intune administrator for exactly that.
 */
export function problemWords(t: TFunction, info: ErrorDescription): ProblemWords {
  // The server's title for codes this build does not know (a newer BFF).
  const heading = hasErrorMessage(info.code) ? t(`errors.codes.${info.code}`) : info.title;
  if (info.code === "intuneRoleMissing" && info.intunePermission !== undefined) {
    return {
      heading,
      explanation: t("errors.intuneRoleMissing", {
        permission: intunePermissionLabels[info.intunePermission],
      }),
    };
  }
  return { heading, explanation: info.detail };
}
