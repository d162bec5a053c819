import { readdirSync, readFileSync } from "node:fs";

/** The variable that marks every process a test run starts (children inherit it). */
export const TEST_RUN_VARIABLE = "IHC_TEST_RUN";

export interface OrphanProcess {
  pid: number;
  command: string;
}

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined; // gone meanwhile, or not ours to read
  }
};

/**
 * Processes a test run started and left running: they carry `IHC_TEST_RUN=<run>` in their
 * environment and are not Vitest's own (its workers carry the mark too). Asked once every test
 * has ended, each is a server a test forgot to stop, which would go on using a core after the
 * run. Linux only (it reads /proc); elsewhere it finds none.
 */
export const orphanProcesses = (run: string): OrphanProcess[] => {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const marker = `${TEST_RUN_VARIABLE}=${run}`;
  const orphans: OrphanProcess[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (!read(`/proc/${entry}/environ`)?.split("\0").includes(marker)) continue;
    const command = read(`/proc/${entry}/cmdline`)?.split("\0").join(" ").trim() ?? "";
    // A zombie, or Vitest's own: its workers and its `vitest-watchdog`.
    if (command === "" || /(^|[/\\])vitest([/\\-]|$)/u.test(command)) continue;
    orphans.push({ pid, command });
  }
  return orphans;
};
