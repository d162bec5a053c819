import { randomUUID } from "node:crypto";
import { orphanProcesses, TEST_RUN_VARIABLE } from "@ihc/test-topology";

/**
 * Vitest global setup of the BFF's tests: marks the run, so every process a test starts
 * carries the mark, and after the run fails it if any such process was left behind (stopping
 * them first). A BFF a test forgot to stop once kept a core busy through the whole e2e suite.
 */
export const setup = () => {
  const run = (process.env[TEST_RUN_VARIABLE] ??= randomUUID());
  return () => {
    const left = orphanProcesses(run);
    for (const { pid } of left) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // it ended meanwhile
      }
    }
    if (left.length > 0) {
      // A throw here is only logged ("error during close"): the exit code is what fails CI.
      process.exitCode = 1;
      throw new Error(
        `Tests left ${String(left.length)} process(es) running (now killed): ` +
          left.map(({ pid, command }) => `${String(pid)} ${command}`).join("; "),
      );
    }
  };
};
