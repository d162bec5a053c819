export {
  answeringUpstream,
  nginxAvailable,
  SERVED_BY_HEADER,
  startNginxFront,
  type NginxFront,
} from "./nginx-front.js";
export {
  createPostgresSchema,
  postgresProblem,
  testDatabaseUrl,
  type PostgresSchema,
} from "./postgres-schema.js";
export { orphanProcesses, TEST_RUN_VARIABLE, type OrphanProcess } from "./orphan-processes.js";
export { dropRedisPrefix, redisProblem, testRedisUrl } from "./redis-prefix.js";
export {
  freePort,
  killProcess,
  startServerProcess,
  stopProcess,
  type ServerProcessOptions,
} from "./server-process.js";
