import type { FaultRule } from "./fault-rule.js";

/** What the Graph pipeline must do for one request, in order: wait, then maybe end it. */
export interface FaultPlan {
  latencyMs: number;
  /** The outcome replaces the response after the request was applied. */
  afterApplying: boolean;
  outcome:
    | { kind: "none" }
    | { kind: "drop" }
    | { kind: "status"; status: number; retryAfterSeconds: number | undefined }
    | { kind: "throttle"; retryAfterSeconds: number | undefined };
}

interface ActiveRule {
  rule: FaultRule;
  pattern: RegExp;
  remaining: number;
}

/**
 * Holds the fault rules and decides, per request, which apply. Latency rules add up; the first
 * matching status/drop/throttle rule ends the request. Each applied rule uses up one of `times`.
 */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({
      rule,
      pattern: new RegExp(rule.path),
      remaining: rule.times ?? Number.POSITIVE_INFINITY,
    }));
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.filter((r) => r.remaining > 0).map((r) => r.rule);
  }

  plan(method: string, path: string): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0, afterApplying: false, outcome: { kind: "none" } };
    for (const active of this.rules) {
      if (active.remaining <= 0) continue;
      const { rule } = active;
      if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!active.pattern.test(path)) continue;
      active.remaining -= 1;
      if (rule.kind === "latency") {
        plan.latencyMs += rule.latencyMs ?? 0;
        continue;
      }
      plan.outcome =
        rule.kind === "drop"
          ? { kind: "drop" }
          : rule.kind === "throttle"
            ? { kind: "throttle", retryAfterSeconds: rule.retryAfterSeconds }
            : {
                kind: "status",
                status: rule.status ?? 503,
                retryAfterSeconds: rule.retryAfterSeconds,
              };
      plan.afterApplying = rule.afterApplying === true && rule.kind !== "throttle";
      break;
    }
    return plan;
  }
}
