import express, { Router, type ErrorRequestHandler, type Response } from "express";
import { z } from "zod";
import { FaultRulesSchema } from "../faults/fault-rule.js";
import { ScenarioPatchSchema } from "../faults/scenario.js";
import { ThrottlingPatchSchema } from "../faults/throttling.js";
import { resetTenant } from "../tenant-reset.js";
import { VppTimingPatchSchema } from "../store/vpp-timing.js";
import { mintToken, UnknownAccountError } from "../identity/token-minter.js";
import type { SimulatorContext } from "../simulator-context.js";
import { MintTokenOptionsSchema } from "./mint-token-options.js";
import { checkInDevice } from "../store/device-check-in.js";

/** POST /_sim/workload-token: each option breaks one thing the federated credential checks. */
const WorkloadTokenOptionsSchema = z.strictObject({
  subject: z.string().min(1).optional(),
  audience: z.string().min(1).optional(),
  expiresIn: z.number().int().optional(),
});

const RotateKeysSchema = z.strictObject({
  /** Publish only the new key: tokens signed before the rotation stop validating. */
  dropPrevious: z.boolean().optional(),
});

/**
 * The control API under /_sim: no auth (it binds to loopback), JSON in and out, and never on a
 * Graph path so it cannot be confused with Graph's behaviour.
 */
export function createControlRouter(ctx: SimulatorContext): Router {
  const router = Router();
  router.use(express.json({ limit: "256kb" }));

  router.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });

  router.get("/received", (_req, res) => {
    res.json(ctx.received.list());
  });
  router.delete("/received", (_req, res) => {
    ctx.received.clear();
    res.status(204).end();
  });

  router.post("/token", async (req, res) => {
    const options = parse(res, MintTokenOptionsSchema, req.body);
    if (options === undefined) return;
    try {
      res.json({ token: await mintToken(ctx, options) });
    } catch (error) {
      if (!(error instanceof UnknownAccountError)) throw error;
      res.status(400).json({ error: "bad_request", message: error.message });
    }
  });

  router.post("/workload-token", async (req, res) => {
    const options = parse(res, WorkloadTokenOptionsSchema, req.body ?? {});
    if (options === undefined) return;
    res.json({ token: await ctx.workloadIssuer.mint(options) });
  });

  router.get("/faults", (_req, res) => {
    res.json(ctx.faults.list());
  });
  router.put("/faults", (req, res) => {
    const rules = parse(res, FaultRulesSchema, req.body);
    if (rules === undefined) return;
    ctx.faults.set(rules);
    res.json(ctx.faults.list());
  });
  router.delete("/faults", (_req, res) => {
    ctx.faults.clear();
    res.status(204).end();
  });

  router.get("/scenario", (_req, res) => {
    res.json(ctx.scenario.get());
  });
  router.put("/scenario", (req, res) => {
    const patch = parse(res, ScenarioPatchSchema, req.body);
    if (patch === undefined) return;
    ctx.scenario.update(stripUndefined(patch));
    res.json(ctx.scenario.get());
  });
  router.delete("/scenario", (_req, res) => {
    ctx.scenario.reset();
    res.status(204).end();
  });

  router.get("/throttling", (_req, res) => {
    res.json(ctx.throttling.get());
  });
  router.put("/throttling", (req, res) => {
    const patch = parse(res, ThrottlingPatchSchema, req.body);
    if (patch === undefined) return;
    ctx.throttling.update(patch);
    res.json(ctx.throttling.get());
  });
  router.delete("/throttling", (_req, res) => {
    ctx.throttling.reset();
    res.status(204).end();
  });

  router.get("/timing", (_req, res) => {
    res.json(ctx.timing.get());
  });
  router.put("/timing", (req, res) => {
    const patch = parse(res, VppTimingPatchSchema, req.body);
    if (patch === undefined) return;
    ctx.timing.update(stripUndefined(patch));
    res.json(ctx.timing.get());
  });
  router.delete("/timing", (_req, res) => {
    ctx.timing.reset();
    res.status(204).end();
  });

  router.post("/keys/rotate", async (req, res) => {
    const options = parse(res, RotateKeysSchema, req.body ?? {});
    if (options === undefined) return;
    const kid = await ctx.keys.rotate(stripUndefined(options));
    res.json({ kid, keys: ctx.keys.jwks(ctx.issuer).keys.map((k) => k.kid) });
  });

  router.post("/devices/:id/check-in", (req, res) => {
    if (!checkInDevice(ctx, req.params.id)) {
      res.status(404).json({ error: "not_found", message: "No managed device with that id." });
      return;
    }
    res.status(204).end();
  });

  router.post("/tenant/reset", (_req, res) => {
    resetTenant(ctx);
    res.status(204).end();
  });

  router.use((_req, res) => {
    res.status(404).json({ error: "not_found", message: "No such control endpoint." });
  });
  router.use(controlErrors);
  return router;
}

function parse<T>(res: Response, schema: z.ZodType<T>, body: unknown): T | undefined {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  res.status(400).json({
    error: "bad_request",
    message: "The body does not match the expected shape.",
    issues: result.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    })),
  });
  return undefined;
}

/** zod's partial() allows explicit undefined; the scenario wants only the keys that were sent. */
function stripUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

const controlErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status =
    typeof error === "object" &&
    error !== null &&
    "status" in error &&
    typeof error.status === "number"
      ? error.status
      : 500;
  if (status >= 400 && status < 500) {
    res.status(status).json({ error: "bad_request", message: "The body is not valid JSON." });
    return;
  }
  next(error);
};
