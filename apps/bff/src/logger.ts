import { pino, type DestinationStream, type Logger } from "pino";
import type { Config } from "./config.js";

/**
 * Everything that could carry a credential, wherever it appears in a log object. Paths with
 * `*` match one level; request headers are named in full.
 */
const SECRET_KEYS = [
  "authorization",
  "cookie",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "idToken",
  "id_token",
  "assertion",
  "oboAssertion",
  "secret",
  "clientSecret",
  "client_secret",
  "password",
];

export const REDACTED_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
];

export const createLogger = (
  config: Pick<Config, "logLevel" | "logPretty">,
  destination?: DestinationStream,
): Logger => {
  const options = {
    level: config.logLevel,
    base: { service: "bff" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  if (destination) return pino(options, destination);
  if (config.logPretty) {
    return pino({
      ...options,
      transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l" } },
    });
  }
  return pino(options);
};
