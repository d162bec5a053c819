import { useSyncExternalStore } from "react";

/** The agent's choice (issue #18, 7): follow the system, or always light or dark. */
export const themePreferences = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof themePreferences)[number];

const STORAGE_KEY = "ihc.theme";
const DARK_QUERY = "(prefers-color-scheme: dark)";
const listeners = new Set<() => void>();

export const isThemePreference = (value: unknown): value is ThemePreference =>
  themePreferences.includes(value as ThemePreference);

/** What this browser remembers; `system` when nothing (or something unknown) is stored. */
export function readThemePreference(
  storage: Pick<Storage, "getItem"> | undefined,
): ThemePreference {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return isThemePreference(stored) ? stored : "system";
  } catch {
    // Storage refused (a locked-down browser): follow the system.
    return "system";
  }
}

/** The theme to show for a preference, given whether the system asks for dark. */
export const effectiveTheme = (
  preference: ThemePreference,
  systemDark: boolean,
): "light" | "dark" => (preference === "system" ? (systemDark ? "dark" : "light") : preference);

export function saveThemePreference(preference: ThemePreference): void {
  try {
    if (preference === "system") localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // Not remembered; still applied for this page.
  }
  for (const listener of listeners) listener();
}

const browserStorage = (): Storage | undefined =>
  typeof localStorage === "undefined" ? undefined : localStorage;

const darkQuery = (): MediaQueryList | undefined =>
  typeof matchMedia === "undefined" ? undefined : matchMedia(DARK_QUERY);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const query = darkQuery();
  query?.addEventListener("change", listener);
  // Another tab changed it.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    query?.removeEventListener("change", listener);
    removeEventListener("storage", onStorage);
  };
}

const snapshot = (): string => {
  const preference = readThemePreference(browserStorage());
  return `${preference}|${darkQuery()?.matches === true ? "dark" : "light"}`;
};

/** The stored preference and the theme it gives now, following the system as it changes. */
export function useTheme(): { preference: ThemePreference; theme: "light" | "dark" } {
  const [preference, system] = useSyncExternalStore(
    subscribe,
    snapshot,
    () => "system|light",
  ).split("|");
  const chosen = isThemePreference(preference) ? preference : "system";
  return { preference: chosen, theme: effectiveTheme(chosen, system === "dark") };
}
