import { z } from "zod";

/**
 * Intune's throttling windows (DESIGN.md §1, from Graph's throttling guidance for Intune): per
 * service, writes and requests of any kind counted per app per tenant and per tenant, over a
 * window of 20 seconds. https://learn.microsoft.com/graph/throttling-limits#intune-service-limits
 */
export const throttledServices = [
  "enrollment",
  "applications",
  "androidForWork",
  "devices",
] as const;
export type ThrottledService = (typeof throttledServices)[number];

export const ServiceLimitsSchema = z.strictObject({
  /** POST/PATCH/PUT/DELETE per app per tenant in a window. */
  writes: z.int().min(0).max(1_000_000),
  /** Writes per tenant, all apps together. */
  tenantWrites: z.int().min(0).max(1_000_000),
  /** Requests of any kind per app per tenant. */
  requests: z.int().min(0).max(1_000_000),
  /** Requests of any kind per tenant. */
  tenantRequests: z.int().min(0).max(1_000_000),
  windowSeconds: z.number().positive().max(3600),
});
export type ServiceLimits = z.infer<typeof ServiceLimitsSchema>;

export const ThrottlingPatchSchema = ServiceLimitsSchema.partial().extend({
  service: z.enum(throttledServices),
});
export type ThrottlingPatch = z.infer<typeof ThrottlingPatchSchema>;

export type ThrottlingSettings = Record<ThrottledService, ServiceLimits>;

export const defaultThrottling: Readonly<ThrottlingSettings> = Object.freeze({
  enrollment: {
    writes: 100,
    tenantWrites: 200,
    requests: 1000,
    tenantRequests: 2000,
    windowSeconds: 20,
  },
  applications: {
    writes: 100,
    tenantWrites: 200,
    requests: 1000,
    tenantRequests: 2000,
    windowSeconds: 20,
  },
  androidForWork: {
    writes: 100,
    tenantWrites: 200,
    requests: 1000,
    tenantRequests: 2000,
    windowSeconds: 20,
  },
  devices: {
    writes: 200,
    tenantWrites: 400,
    requests: 2000,
    tenantRequests: 4000,
    windowSeconds: 20,
  },
});

/** Which Intune service answers a Graph path (relative to /v1.0 or /beta), if any. */
export function throttledServiceOf(path: string): ThrottledService | undefined {
  const p = path.toLowerCase();
  if (p.startsWith("/deviceappmanagement/vpptokens")) return "enrollment";
  // Intune's "Android for Work" service serves both kinds of Android Enterprise profile.
  if (/^\/devicemanagement\/android(forwork|deviceowner)enrollmentprofiles/.test(p))
    return "androidForWork";
  if (p.startsWith("/deviceappmanagement/mobileapps")) return "applications";
  if (/^\/devicemanagement\/(managed|comanaged)devices/.test(p)) return "devices";
  if (/^\/(users\/[^/]+|me)\/(manageddevices|removealldevicesfrommanagement)/.test(p))
    return "devices";
  return undefined;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * Sliding windows of admitted requests. A request over any of its limits is refused and not
 * counted; Retry-After is the time until the oldest counted request leaves that window.
 */
export class Throttler {
  private settings: ThrottlingSettings = structuredClone(defaultThrottling);
  private readonly windows = new Map<string, number[]>();

  get(): ThrottlingSettings {
    return structuredClone(this.settings);
  }

  update(patch: ThrottlingPatch): void {
    const { service, ...limits } = patch;
    const defined = Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));
    this.settings[service] = { ...this.settings[service], ...defined };
  }

  /** Back to Intune's limits, with empty windows. */
  reset(): void {
    this.settings = structuredClone(defaultThrottling);
    this.windows.clear();
  }

  admit(
    service: ThrottledService,
    tenantId: string,
    appId: string,
    write: boolean,
    now = Date.now(),
  ): Admission {
    const limits = this.settings[service];
    const windowMs = limits.windowSeconds * 1000;
    const checks: [string, number][] = [
      [`${service}|requests|${tenantId}|${appId}`, limits.requests],
      [`${service}|requests|${tenantId}`, limits.tenantRequests],
    ];
    if (write) {
      checks.push([`${service}|writes|${tenantId}|${appId}`, limits.writes]);
      checks.push([`${service}|writes|${tenantId}`, limits.tenantWrites]);
    }
    let retryAfterMs = 0;
    for (const [key, limit] of checks) {
      const window = this.window(key, now - windowMs);
      if (window.length < limit) continue;
      const oldest = window[window.length - limit] ?? now;
      retryAfterMs = Math.max(retryAfterMs, limit === 0 ? windowMs : oldest + windowMs - now);
    }
    if (retryAfterMs > 0) {
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    }
    for (const [key] of checks) this.window(key, now - windowMs).push(now);
    return { admitted: true };
  }

  private window(key: string, since: number): number[] {
    let window = this.windows.get(key);
    if (window === undefined) {
      window = [];
      this.windows.set(key, window);
    }
    while (window.length > 0 && (window[0] ?? 0) <= since) window.shift();
    return window;
  }
}
