import type { RequestHandler } from "express";
import { userOf } from "../auth/authenticate.js";
import { GraphBudgetExceededError } from "../errors.js";
import type { GraphBudgetStore } from "../graph/budget/graph-budget-store.js";

export interface GraphCostBudgetOptions {
  store: GraphBudgetStore;
  /** For the words of a refusal. */
  budget: number;
  windowSeconds: number;
  /** The Graph calls a request will cost, by method and path (routes/route-graph-costs.ts). */
  costOf: (method: string, path: string) => number;
}

/**
 * Limits each user by Graph cost, not by request count (ADR 0024): before a route runs, its
 * declared Graph cost is taken from the caller's Graph budget; a request whose cost is more
 * than what is left is refused with 429 and the Retry-After at which it fits. Runs after
 * authenticate (keyed by `oid`); mounted under /api, so paths are read from `originalUrl`.
 */
export const graphCostBudget = ({
  store,
  budget,
  windowSeconds,
  costOf,
}: GraphCostBudgetOptions): RequestHandler =>
  async function graphCostBudget(req, _res, next) {
    const cost = costOf(req.method, req.originalUrl.split("?")[0] ?? "");
    if (cost === 0) {
      next();
      return;
    }
    const decision = await store.take(userOf(req).oid, cost);
    if (decision.granted) {
      next();
      return;
    }
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    next(
      new GraphBudgetExceededError(
        seconds,
        `This request costs ${cost} Microsoft Graph calls and ${decision.remaining} of your ` +
          `${budget} per ${windowSeconds} s are left. Try again in ${seconds} s.`,
      ),
    );
  };
