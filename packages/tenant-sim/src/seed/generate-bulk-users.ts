import type { Prng } from "../store/prng.js";
import type { UserRecord } from "../store/user-record.js";
import { departments, displayNameOf, nameRegions } from "./people-catalog.js";
import { weightedPick } from "./weighted-pick.js";

const dayMs = 86_400_000;
// Shared by every user without a phone; frozen so that no caller can change them all at once.
const noPhones = Object.freeze([]) as unknown as string[];
const noRoles: readonly string[] = Object.freeze([]);

/**
 * The many ordinary users of a large tenant, drawn from `prng`: names from every region of
 * the people catalog, UPNs from the names' ASCII aliases (a numeric suffix on a collision, as
 * admins do), departments and offices. `taken` holds the aliases already in use and is
 * extended. Equal strings are shared, so 50,000 users stay a few megabytes.
 */
export function generateBulkUsers(
  prng: Prng,
  count: number,
  domain: string,
  taken: Set<string>,
): UserRecord[] {
  const users: UserRecord[] = [];
  const createdDates = new Map<number, string>();
  const nextSuffix = new Map<string, number>();
  for (let index = 0; index < count; index += 1) {
    const region = weightedPick(prng, nameRegions);
    const given = prng.pick(region.givenNames);
    const surname = prng.pick(region.surnames);
    const base = `${given.alias}.${surname.alias}`;
    let alias = base;
    if (taken.has(alias)) {
      // The lowest free suffix, remembered per name so that common names stay cheap.
      let suffix = nextSuffix.get(base) ?? 2;
      while (taken.has(`${base}${suffix}`)) suffix += 1;
      alias = `${base}${suffix}`;
      nextSuffix.set(base, suffix + 1);
    }
    taken.add(alias);
    // join() gives flat strings: 50,000 ropes of concatenated parts would cost megabytes.
    const upn = [alias, domain].join("@");
    const office = prng.pick(region.offices);
    const department = weightedPick(prng, departments);
    const jobTitle = prng.next() < 0.02 ? null : prng.pick(department.jobTitles);
    const phone = (): string =>
      [office.callingCode, 100 + prng.int(900), 1000 + prng.int(9000)].join(" ");
    const businessPhones = prng.next() < 0.55 ? [phone()] : noPhones;
    const mobilePhone = prng.next() < 0.3 ? phone() : null;
    const day = prng.int(7 * 365);
    let created = createdDates.get(day);
    if (created === undefined) {
      created = new Date(Date.UTC(2018, 0, 1) + day * dayMs + 9 * 3_600_000)
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z");
      createdDates.set(day, created);
    }
    users.push({
      id: prng.guid(),
      accountEnabled: prng.next() > 0.04,
      displayName: displayNameOf(region, given.name, surname.name),
      givenName: given.name,
      surname: surname.name,
      userPrincipalName: upn,
      // A few users have no mailbox (no Exchange license): mail is null.
      mail: prng.next() < 0.03 ? null : upn,
      jobTitle,
      department: department.name,
      officeLocation: office.name,
      businessPhones,
      mobilePhone,
      preferredLanguage: office.language,
      usageLocation: office.country,
      createdDateTime: created,
      appRoles: noRoles,
    });
  }
  return users;
}
