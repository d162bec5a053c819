import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";

/** A loopback port free at the time of asking. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });

export interface ServerProcessOptions {
  /** Arguments to `node` (this process's own executable). */
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Polled until it answers 2xx. */
  healthUrl: string;
  timeoutMs?: number;
  /** Named in the error when it never answers. */
  name: string;
}

/**
 * A Node server as its own process, resolved once its health URL answers. Its stderr is kept
 * for the message if it never does.
 */
export const startServerProcess = async ({
  args,
  cwd,
  env,
  healthUrl,
  timeoutMs = 60_000,
  name,
}: ServerProcessOptions): Promise<ChildProcess> => {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(healthUrl)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill("SIGKILL");
      throw new Error(`${name} did not answer at ${healthUrl}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** SIGKILL: no shutdown hook runs, as when the machine loses power. */
export const killProcess = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
};

/** SIGTERM and wait: the process's own shutdown runs (streams closed, leases released). */
export const stopProcess = async (child: ChildProcess, graceMs = 10_000): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
};
