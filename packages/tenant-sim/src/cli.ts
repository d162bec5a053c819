#!/usr/bin/env node
import { parseArgs } from "node:util";
import { z } from "zod";
import { createSimulator } from "./create-simulator.js";
import { describeIntuneRoles, describeRoles } from "./identity/sign-in-page.js";
import { simulatorProfiles } from "./faults/scenario.js";
import { tenantSizes } from "./seed/tenant-size.js";

/**
 * `pnpm --filter @ihc/tenant-sim serve`: flags first, then SIM_* environment variables, then
 * defaults. This is the only module that reads process.env.
 */
const CliConfigSchema = z.strictObject({
  port: z.coerce.number().int().min(0).max(65_535).default(4010),
  host: z.string().min(1).default("127.0.0.1"),
  publicUrl: z.url().optional(),
  spaOrigins: z.array(z.url()).min(1).default(["http://localhost:5173"]),
  seed: z.coerce.number().int().default(1),
  size: z.enum(tenantSizes).default("demo"),
  profile: z.enum(simulatorProfiles).default("demo"),
  /** Multiplies Intune's real timings (the scenario's `timeScale`, kept across resets). */
  timeScale: z.coerce.number().positive().max(1000).optional(),
});

function readConfig(): z.infer<typeof CliConfigSchema> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "public-url": { type: "string" },
      "spa-origin": { type: "string", multiple: true },
      seed: { type: "string" },
      size: { type: "string" },
      profile: { type: "string" },
      "time-scale": { type: "string" },
    },
    strict: true,
  });
  const env = process.env;
  const envOrigins = env.SIM_SPA_ORIGINS?.split(",")
    .map((o) => o.trim())
    .filter((o) => o !== "");
  const parsed = CliConfigSchema.safeParse({
    port: values.port ?? env.SIM_PORT,
    host: values.host ?? env.SIM_HOST,
    publicUrl: values["public-url"] ?? env.SIM_PUBLIC_URL,
    spaOrigins: values["spa-origin"] ?? envOrigins,
    seed: values.seed ?? env.SIM_SEED,
    size: values.size ?? env.SIM_SIZE,
    profile: values.profile ?? env.SIM_PROFILE,
    timeScale: values["time-scale"] ?? env.SIM_TIME_SCALE,
  });
  if (!parsed.success) {
    throw new Error(`Invalid tenant simulator settings:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

async function main(): Promise<void> {
  const config = readConfig();
  const simulator = await createSimulator({
    port: config.port,
    host: config.host,
    spaOrigins: config.spaOrigins,
    seed: config.seed,
    size: config.size,
    profile: config.profile,
    ...(config.timeScale === undefined ? {} : { timeScale: config.timeScale }),
    ...(config.publicUrl === undefined ? {} : { publicUrl: config.publicUrl }),
    log: (line) => {
      console.log(line);
    },
  });
  const banner = [
    `Tenant simulator ready (bound to ${config.host})`,
    `  URL            ${simulator.url}`,
    `  Tenant         ${simulator.tenantId} (${config.size}, seed ${config.seed}, profile ${config.profile})`,
    `  OIDC metadata  ${simulator.metadataUrl}`,
    `  Graph          ${simulator.graphUrl}/v1.0, ${simulator.graphUrl}/beta`,
    `  Control API    ${simulator.url}/_sim/health`,
    `  SPA origins    ${config.spaOrigins.join(", ")}`,
    `  Demo accounts (sign in with login_hint=<UPN> or pick one on the sign-in page):`,
    ...simulator.accounts.map(
      (a) =>
        `    ${a.key.padEnd(8)} ${a.userPrincipalName.padEnd(44)} ${describeRoles(a.roles)} ${describeIntuneRoles(a.intuneRoles)}`,
    ),
  ];
  console.log(banner.join("\n"));

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the tenant simulator`);
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
