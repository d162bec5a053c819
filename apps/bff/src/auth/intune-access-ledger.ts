import {
  IntunePermissions,
  type IntuneAccess,
  type IntuneAccessState,
  type IntunePermission,
} from "@ihc/contracts";

/**
 * What the BFF learned of each person's Intune rights from Graph's answers to their calls, in
 * memory (per instance, forgotten at restart): Intune has no delegated API to read one's own
 * effective RBAC permissions, so the last answer per permission is the best knowledge there is.
 * Bounded: the least recently seen people are forgotten first.
 */
export class IntuneAccessLedger {
  private readonly people = new Map<string, Map<IntunePermission, IntuneAccessState>>();

  constructor(private readonly maxPeople = 10_000) {}

  record(oid: string, permission: IntunePermission, state: "granted" | "missing"): void {
    const key = oid.toLowerCase();
    const known = this.people.get(key) ?? new Map<IntunePermission, IntuneAccessState>();
    known.set(permission, state);
    // Re-inserting moves the person to the end: the Map's order is the recency order.
    this.people.delete(key);
    this.people.set(key, known);
    if (this.people.size > this.maxPeople) {
      const oldest = this.people.keys().next().value;
      if (oldest !== undefined) this.people.delete(oldest);
    }
  }

  accessOf(oid: string): IntuneAccess {
    const known = this.people.get(oid.toLowerCase());
    return Object.fromEntries(
      IntunePermissions.map((permission) => [permission, known?.get(permission) ?? "unknown"]),
    ) as IntuneAccess;
  }
}
