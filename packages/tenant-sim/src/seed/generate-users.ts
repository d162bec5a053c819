import type { Prng } from "../store/prng.js";
import type { UserRecord } from "../store/user-record.js";

const givenNames = [
  "Alex",
  "Bianca",
  "Carlos",
  "Dana",
  "Elif",
  "Farah",
  "Gustav",
  "Hana",
  "Ivan",
  "Jana",
  "Kenji",
  "Lena",
  "Mateo",
  "Nadia",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sven",
  "Tara",
  "Umar",
  "Vera",
  "Wei",
  "Ximena",
  "Yusuf",
  "Zoe",
] as const;

const surnames = [
  "Andersen",
  "Bauer",
  "Costa",
  "Dubois",
  "Eriksson",
  "Fischer",
  "Garcia",
  "Horvat",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Lindqvist",
  "Moreau",
  "Novak",
  "Okafor",
  "Petrov",
  "Rossi",
  "Silva",
  "Tanaka",
  "Urban",
  "Volkov",
  "Weber",
  "Yilmaz",
  "Zhang",
] as const;

const roles = [
  { jobTitle: "Sales representative", department: "Sales" },
  { jobTitle: "Account manager", department: "Sales" },
  { jobTitle: "Software engineer", department: "Engineering" },
  { jobTitle: "Field technician", department: "Operations" },
  { jobTitle: "Store manager", department: "Retail" },
  { jobTitle: "Nurse", department: "Clinical" },
  { jobTitle: "Accountant", department: "Finance" },
  { jobTitle: "Recruiter", department: "People" },
] as const;

const offices = ["Seattle", "London", "Berlin", "Tallinn", "Singapore", "São Paulo"] as const;
const languages = ["en-US", "en-GB", "de-DE", "et-EE", "ru-RU", "pt-BR"] as const;

/**
 * Ordinary users for the demo tenant, all drawn from one PRNG so that a seed always yields the
 * same people with the same ids. Name collisions get a numeric suffix in the UPN, as admins do.
 */
export function generateUsers(prng: Prng, count: number, domain: string): UserRecord[] {
  const taken = new Set<string>();
  const users: UserRecord[] = [];
  for (let index = 0; index < count; index += 1) {
    const givenName = prng.pick(givenNames);
    const surname = prng.pick(surnames);
    const base = `${givenName}.${surname}`.toLowerCase();
    let alias = base;
    for (let suffix = 2; taken.has(alias); suffix += 1) alias = `${base}${suffix}`;
    taken.add(alias);
    const role = prng.pick(roles);
    const office = prng.pick(offices);
    const upn = `${alias}@${domain}`;
    const hasPhone = prng.next() < 0.6;
    const created = new Date(Date.UTC(2019, 0, 1) + prng.int(5 * 365) * 86_400_000);
    users.push({
      id: prng.guid(),
      accountEnabled: prng.next() > 0.05,
      displayName: `${givenName} ${surname}`,
      givenName,
      surname,
      userPrincipalName: upn,
      mail: upn,
      jobTitle: role.jobTitle,
      department: role.department,
      officeLocation: office,
      businessPhones: hasPhone ? [`+1 555 01${String(prng.int(100)).padStart(2, "0")}`] : [],
      mobilePhone: null,
      preferredLanguage: prng.pick(languages),
      usageLocation: "US",
      createdDateTime: created.toISOString().replace(/\.\d{3}Z$/, "Z"),
      appRoles: [],
    });
  }
  return users;
}
