import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { recoverActions } from "./actions/action-services.js";
import { createApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createAppDeps } from "./create-app-deps.js";
import { createHttpServer } from "./http/http-server.js";
import { createLogger } from "./logger.js";

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

try {
  const deps = await createAppDeps(config, { logger, version: readVersion() });
  const recovered = await recoverActions(deps.actions);
  if (recovered > 0) logger.info({ recovered }, "Resumed actions left open by the last run");
  const server = createHttpServer(createApp(deps), config.requestTimeouts);
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

  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "Shutting down");
    deps.actions.stop();
    server.close(() => {
      void deps.actions.journal.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
} catch (error) {
  logger.fatal({ err: error }, "The BFF could not start");
  process.exit(1);
}
