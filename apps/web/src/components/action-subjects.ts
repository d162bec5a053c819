import type { ActionRecord, ActionSubject } from "@ihc/contracts";

/** "Adele Vance (adele.vance@…)", "Adele's iPhone · F2LXK1", or the id Graph knows it by. */
export function subjectLabel(subject: ActionSubject): string {
  if (subject.type === "user") {
    const { displayName, userPrincipalName } = subject;
    if (displayName !== undefined && userPrincipalName !== undefined) {
      return displayName === userPrincipalName
        ? displayName
        : `${displayName} (${userPrincipalName})`;
    }
    return userPrincipalName ?? displayName ?? subject.id;
  }
  const name = subject.deviceName ?? subject.displayName ?? subject.id;
  return subject.serialNumber === undefined ? name : `${name} · ${subject.serialNumber}`;
}

/**
 * Who or what within the target a record acted on, as the journal kept them when it was
 * accepted (issue #12, 1): the same after a reload and in every tab.
 */
export function subjectLabels(action: Pick<ActionRecord, "subjects">): string[] {
  return (action.subjects ?? []).map(subjectLabel);
}
