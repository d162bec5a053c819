import { afterEach, describe, expect, it, vi } from "vitest";
import { actionNoticesOn, readActionNoticeSetting } from "./action-notice-setting";

/** A browser with `Notification` granting `permission`, counting each read of it. */
function browser(stored: string | null, permission: NotificationPermission) {
  const reads = { permission: 0 };
  vi.stubGlobal("localStorage", { getItem: () => stored });
  const notification = {};
  Object.defineProperty(notification, "permission", {
    get: () => {
      reads.permission += 1;
      return permission;
    },
  });
  vi.stubGlobal("Notification", notification);
  return reads;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("action notice setting", () => {
  it("is on only when the agent turned it on and the browser grants it", () => {
    browser("on", "granted");
    expect(actionNoticesOn()).toBe(true);
    browser("on", "denied");
    expect(actionNoticesOn()).toBe(false);
    browser(null, "granted");
    expect(actionNoticesOn()).toBe(false);
  });

  it("asks the browser for its permission only when the agent turned notices on", () => {
    const off = browser(null, "granted");
    expect(actionNoticesOn()).toBe(false);
    expect(off.permission).toBe(0);
    const on = browser("on", "granted");
    expect(actionNoticesOn()).toBe(true);
    expect(on.permission).toBe(1);
  });

  it("gives the permission itself to the open settings", () => {
    browser(null, "denied");
    expect(readActionNoticeSetting()).toEqual({ on: false, permission: "denied" });
    vi.unstubAllGlobals();
    vi.stubGlobal("localStorage", { getItem: () => "on" });
    expect(readActionNoticeSetting()).toEqual({ on: false, permission: "unsupported" });
  });
});
