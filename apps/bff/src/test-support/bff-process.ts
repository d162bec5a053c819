import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

const bffRoot = fileURLToPath(new URL("../..", import.meta.url));

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });

/** The real server process (src/server.ts under tsx), as `pnpm start` runs it. */
export const startBff = async (env: Record<string, string>, url: string): Promise<ChildProcess> => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: bffRoot,
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("The BFF did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** SIGKILL: no shutdown hook runs, as when the machine loses power. */
export const killBff = async (child: ChildProcess): Promise<void> => {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
};

/**
 * The built server (`dist/server.js`, as production runs it; `pnpm test` builds first): starts
 * faster than under tsx on a busy machine. Its stderr is kept for the message if it never answers.
 */
export const startBuiltBff = async (
  env: Record<string, string>,
  url: string,
): Promise<ChildProcess> => {
  const child = spawn(process.execPath, ["dist/server.js"], {
    cwd: bffRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill("SIGKILL");
      throw new Error(`The built BFF did not start (is it built?): ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
