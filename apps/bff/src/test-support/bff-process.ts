import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort, killProcess, startServerProcess } from "@ihc/test-topology";

const bffRoot = fileURLToPath(new URL("../..", import.meta.url));

export { freePort };

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
export const killBff = killProcess;

/**
 * The built server (`dist/server.js`, as production runs it; `pnpm test` builds first): starts
 * faster than under tsx on a busy machine. Its stderr is kept for the message if it never answers.
 */
export const startBuiltBff = (env: Record<string, string>, url: string): Promise<ChildProcess> =>
  startServerProcess({
    args: ["dist/server.js"],
    cwd: bffRoot,
    env,
    healthUrl: `${url}/api/health`,
    name: "The built BFF (is it built?)",
  });
