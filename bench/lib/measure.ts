import { readFileSync } from "node:fs";

/** Nearest-rank percentile (p in 0..100); NaN for no values. */
export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
};

/** Resident memory of a process, from /proc (Linux); NaN once it has exited. */
export const rssMb = (pid: number | undefined): number => {
  if (pid === undefined) return Number.NaN;
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return Number.NaN;
  }
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
};

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * CPU time (user + system) a process has used so far, from /proc (Linux), in milliseconds.
 * Fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
 */
export const cpuMs = (pid: number | undefined): number => {
  if (pid === undefined) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis don't.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks * 10;
};
