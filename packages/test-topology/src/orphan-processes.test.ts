import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { orphanProcesses, TEST_RUN_VARIABLE } from "./orphan-processes.js";

describe.runIf(existsSync("/proc/self/stat"))("orphanProcesses", () => {
  it("finds a process of the run left behind by the one that started it, and none once it ends", async () => {
    const run = randomUUID();
    const env = { ...process.env, [TEST_RUN_VARIABLE]: run };
    // A shell that starts a sleeper in the background and exits, as a forgotten server outlives
    // the test that started it.
    const shell = spawn("sh", ["-c", "sleep 30 & echo $!"], {
      env,
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    shell.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => shell.once("exit", resolve));
    const sleeper = Number(out.trim());
    try {
      // Polled: the shell prints the sleeper's pid as soon as it has forked, and until the child
      // has exec'd `sleep` its command line is still the shell's (seen once in a quiet CI run).
      await expect
        .poll(() => orphanProcesses(run))
        .toEqual([{ pid: sleeper, command: "sleep 30" }]);
      expect(orphanProcesses(randomUUID())).toEqual([]);
    } finally {
      process.kill(sleeper, "SIGKILL");
    }
    await expect.poll(() => orphanProcesses(run)).toEqual([]);
  });
});
