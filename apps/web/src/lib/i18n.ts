import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../locales/en.json";

export const supportedLanguages = ["en", "ru"] as const;
export type Language = (typeof supportedLanguages)[number];

const STORAGE_KEY = "ihc.language";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

/** The agent's saved choice, else the browser's first supported language, else English. */
export function resolveInitialLanguage(
  stored: string | null,
  preferred: readonly string[],
): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled by policy; the choice then lasts for this page only.
    return null;
  }
}

function setDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

// English ships in the initial bundle (it is the fallback for every key); other languages are
// fetched when chosen, so an agent downloads one catalogue, not all (bundle budget, ADR 0014).
const catalogues: Record<Language, () => Promise<typeof en>> = {
  en: () => Promise.resolve(en),
  ru: () => import("../locales/ru.json").then((module) => module.default),
};

async function loadCatalogue(instance: i18n, language: Language): Promise<void> {
  if (instance.hasResourceBundle(language, "translation")) return;
  instance.addResourceBundle(language, "translation", await catalogues[language]());
}

/** Switches the UI language and remembers the agent's choice in this browser. */
export async function changeLanguage(instance: i18n, language: Language): Promise<void> {
  await loadCatalogue(instance, language);
  // Remembered before the page switches: once <html lang> changes, a reload keeps the choice.
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See readStoredLanguage.
  }
  await instance.changeLanguage(language);
}

export async function initI18n(): Promise<i18n> {
  const language = resolveInitialLanguage(readStoredLanguage(), navigator.languages);
  i18next.on("languageChanged", setDocumentLanguage);
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: "en",
    supportedLngs: supportedLanguages,
    resources: {
      en: { translation: en },
      ...(language === "en" ? {} : { [language]: { translation: await catalogues[language]() } }),
    },
    // Languages not in `resources` yet are added by `loadCatalogue` when the agent picks one.
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  setDocumentLanguage(language);
  return i18next;
}

export type ErrorMessageCode = keyof typeof en.errors.codes;

/** Whether the catalogues explain this error code (a newer BFF may send one they do not). */
export function hasErrorMessage(code: string): code is ErrorMessageCode {
  return Object.hasOwn(en.errors.codes, code);
}

/** The language the UI is rendered in, for `Intl` formatting. */
export function currentLanguage(instance: i18n): Language {
  const language = instance.resolvedLanguage ?? instance.language;
  return isLanguage(language) ? language : "en";
}
