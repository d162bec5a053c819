import { describe, expect, it } from "vitest";
import en from "../locales/en.json";
import ru from "../locales/ru.json";
import { ActionKinds, ProblemCodes } from "@ihc/contracts";
import { ClientErrorCodes } from "./api-error";
import { hasErrorMessage, resolveInitialLanguage } from "./i18n";

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") keys.set(path, value);
    else for (const [k, v] of flatten(value, path)) keys.set(k, v);
  }
  return keys;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (keys: Map<string, string>) =>
  new Set([...keys.keys()].map((k) => k.replace(PLURAL, "")));
const enKeys = flatten(en);
const ruKeys = flatten(ru);

describe("catalogues", () => {
  it("translate the same keys", () => {
    expect([...baseKeys(ruKeys)].sort()).toEqual([...baseKeys(enKeys)].sort());
  });

  it("give Russian plurals every form Intl.PluralRules asks for", () => {
    const forms = new Intl.PluralRules("ru").resolvedOptions().pluralCategories;
    const plurals = [...enKeys.keys()]
      .filter((k) => PLURAL.test(k))
      .map((k) => k.replace(PLURAL, ""));
    for (const key of new Set(plurals)) {
      for (const form of forms) expect(ruKeys.has(`${key}_${form}`), `${key}_${form}`).toBe(true);
    }
  });

  it("keep the same interpolation variables", () => {
    const variables = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of ruKeys) {
      const english = enKeys.get(key) ?? enKeys.get(key.replace(PLURAL, "_other"));
      expect(english, key).toBeDefined();
      expect(variables(text), key).toEqual(variables(english ?? ""));
    }
  });

  it("are translated, not copied (beyond names that stay as they are)", () => {
    const sameOnPurpose = new Set([
      "app.name",
      "app.pageTitle",
      "language.en",
      "language.ru",
      // Apple's own name for the account, in Russian too.
      "vppTokens.columns.appleId",
      "vppTokens.facts.appleId",
      // Nothing but the two translated parts: a notification's title, "<kind>: <outcome>".
      "actionNotices.title",
    ]);
    for (const [key, text] of enKeys) {
      if (sameOnPurpose.has(key)) continue;
      expect(ruKeys.get(key), key).not.toBe(text);
    }
  });

  it("keep the stable names end-to-end tests rely on", () => {
    expect(enKeys.get("signIn.button")).toBe("Sign in");
    expect(ruKeys.get("signIn.button")).toBe("Войти");
    expect(enKeys.get("userMenu.signOut")).toBe("Sign out");
    expect(ruKeys.get("userMenu.signOut")).toBe("Выйти");
    expect(enKeys.get("noAccess.title")).toBe("No access");
    expect(ruKeys.get("noAccess.title")).toBe("Нет доступа");
    expect(enKeys.get("language.label")).toBe("Language");
    expect(ruKeys.get("language.label")).toBe("Язык");
    expect(
      ["vppTokens", "apps", "enrollmentProfiles", "users", "activity"].map((k) =>
        enKeys.get(`nav.${k}`),
      ),
    ).toEqual(["VPP tokens", "Apps", "Enrollment profiles", "Users", "Activity"]);
    expect(enKeys.get("vppTokens.detail.revoke")).toBe("Revoke all licenses…");
    expect(ruKeys.get("vppTokens.detail.revoke")).toBe("Отозвать все лицензии…");
    expect(enKeys.get("vppTokens.revokeDialog.confirmLabel")).toBe(
      "Type the token's name to confirm",
    );
    expect(enKeys.get("vppTokens.revokeDialog.confirm")).toBe("Revoke licenses");
    expect(enKeys.get("vppTokens.progress.label")).toBe("Revoke progress");
    expect(
      ["pending", "inProgress", "done", "failed"].map((k) => enKeys.get(`actionStatus.${k}`)),
    ).toEqual(["Pending", "In progress", "Done", "Failed"]);
  });
});

describe("error messages", () => {
  it("exist for every code the BFF and the client can produce", () => {
    const missing = [...ProblemCodes, ...ClientErrorCodes, "unexpected"].filter(
      (code) => !hasErrorMessage(code),
    );
    expect(missing).toEqual([]);
  });
});

describe("action words", () => {
  it("name every action kind the journal can hold, in both languages", () => {
    for (const kind of ActionKinds) {
      expect(enKeys.has(`actionKinds.${kind}`), kind).toBe(true);
      expect(ruKeys.has(`actionKinds.${kind}`), kind).toBe(true);
    }
  });
});

describe("resolveInitialLanguage", () => {
  it("prefers the saved choice, then the browser's languages, then English", () => {
    expect(resolveInitialLanguage("ru", ["en-US"])).toBe("ru");
    expect(resolveInitialLanguage(null, ["de-DE", "ru-RU", "en"])).toBe("ru");
    expect(resolveInitialLanguage("fr", ["de"])).toBe("en");
  });
});
