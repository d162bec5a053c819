// First: the heap option must be set before the rest of the BFF allocates anything.
import "./young-objects.js";
import { readFileSync } from "node:fs";
import { securityHeaderValues } from "./http/security-headers.js";
import type { AddressInfo } from "node:net";
import { recoverActions } from "./actions/recover-actions.js";
import { createApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createAppDeps } from "./create-app-deps.js";
import { createHttpServer } from "./http/http-server.js";
import { createLogger } from "./logger.js";
import { shutDown } from "./shutdown.js";

const readVersion = (): string => {
  // One level above both src/ (tsx) and dist/ (node).
  const pkg: unknown = JSON.parse(
    readFileSync(new URL("../package.json", import.meta.url), "utf8"),
  );
  return typeof pkg === "object" &&
    pkg !== null &&
    "version" in pkg &&
    typeof pkg.version === "string"
    ? pkg.version
    : "0.0.0";
};

const loadConfigOrExit = (): Config => {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`The BFF cannot start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
};

const config = loadConfigOrExit();
const logger = createLogger(config);
const SHUTDOWN_GRACE_MS = 10_000;

// Nothing a request, stream or timer does may fail unhandled; if something still does, this
// process is in a state nobody designed: say so with the stack, and exit non-zero so that the
// supervisor restarts it (restart recovery settles what was open) rather than limp on.
const fatal = (kind: string) => (error: unknown) => {
  logger.fatal({ err: error }, `${kind}: the BFF stops`);
  process.exit(1);
};
process.on("uncaughtException", fatal("Uncaught exception"));
process.on("unhandledRejection", fatal("Unhandled promise rejection"));

try {
  const deps = await createAppDeps(config, { logger, version: readVersion() });
  const recovered = await recoverActions(deps.actions);
  if (recovered > 0) logger.info({ recovered }, "Resumed actions left open by the last run");
  const server = createHttpServer(
    createApp(deps),
    config.requestTimeouts,
    securityHeaderValues(deps.metadata),
  );
  server.once("error", (error) => {
    // Listening failed (e.g. the port is taken).
    logger.fatal(
      { reason: error.message },
      `The BFF could not listen on ${config.host}:${config.port}`,
    );
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo;
    logger.info(
      { url: `http://${address}:${port}`, tenant: config.tenantKind, graph: config.graphBaseUrl },
      "Console API ready",
    );
    if (config.webOrigin !== undefined) logger.info(`Open the console at ${config.webOrigin}`);
  });

  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "Shutting down");
    // Past this, whatever is still open is cut off and recovered at the next start.
    setTimeout(() => {
      logger.error("Shutdown took too long; exiting with work still open");
      process.exit(1);
    }, 3 * SHUTDOWN_GRACE_MS).unref();
    shutDown(server, deps.actions, { graceMs: SHUTDOWN_GRACE_MS }).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.fatal({ err: error }, "Shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  logger.fatal({ err: error }, "The BFF could not start");
  process.exit(1);
}
