import { useSyncExternalStore } from "react";

/**
 * "Notify me when my actions finish" (issue #18): off unless the agent turns it on, remembered in
 * this browser like the theme. On only while the browser also grants notifications: a permission
 * the agent later blocks shows the setting off, never a switch that silently does nothing.
 */
const STORAGE_KEY = "ihc.actionNotices";
const listeners = new Set<() => void>();

export type NoticePermission = NotificationPermission | "unsupported";

export interface ActionNoticeSetting {
  /** Notifications will be shown: the agent asked for them and the browser allows them. */
  on: boolean;
  permission: NoticePermission;
}

export const noticePermission = (): NoticePermission =>
  typeof Notification === "undefined" ? "unsupported" : Notification.permission;

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "on";
  } catch {
    return false;
  }
}

function store(on: boolean): void {
  try {
    if (on) localStorage.setItem(STORAGE_KEY, "on");
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not remembered; still applied for this page.
  }
  for (const listener of listeners) listener();
}

/** The setting and the browser's permission now (the open settings show both). */
export function readActionNoticeSetting(): ActionNoticeSetting {
  const permission = noticePermission();
  return { on: stored() && permission === "granted", permission };
}

/**
 * Whether notices will be shown, asking the browser for its permission only when the agent
 * turned them on: `Notification.permission` is a synchronous call into the browser (10–15 ms
 * on the first screen of a slow machine), and most agents never turn notices on.
 */
export function actionNoticesOn(): boolean {
  return stored() && noticePermission() === "granted";
}

/**
 * Turns the setting on, asking the browser first when it has not been asked (only ever from the
 * agent's click). What came of it: `on`, or why not.
 */
export async function turnOnActionNotices(): Promise<"on" | "denied" | "unsupported"> {
  if (typeof Notification === "undefined") return "unsupported";
  const permission =
    Notification.permission === "default"
      ? await Notification.requestPermission()
      : Notification.permission;
  // Re-render either way: the permission itself may have changed.
  store(permission === "granted");
  return permission === "granted" ? "on" : "denied";
}

export function turnOffActionNotices(): void {
  store(false);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  // A permission changed in the browser's site settings shows when the agent comes back.
  addEventListener("storage", onStorage);
  addEventListener("focus", listener);
  document.addEventListener("visibilitychange", listener);
  return () => {
    listeners.delete(listener);
    removeEventListener("storage", onStorage);
    removeEventListener("focus", listener);
    document.removeEventListener("visibilitychange", listener);
  };
}

const snapshot = (): string => {
  const setting = readActionNoticeSetting();
  return `${String(setting.on)}|${setting.permission}`;
};

/** `actionNoticesOn`, kept current: for what is on screen while the settings are closed. */
export function useActionNoticesOn(): boolean {
  return useSyncExternalStore(subscribe, actionNoticesOn, () => false);
}

/** The setting and the browser's permission: for the settings themselves, while they are open. */
export function useActionNoticeSetting(): ActionNoticeSetting {
  const [on, permission] = useSyncExternalStore(subscribe, snapshot, () => "false|default").split(
    "|",
  );
  return { on: on === "true", permission: (permission ?? "default") as NoticePermission };
}
