import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { decodeJwt } from "jose";
import { freePort } from "./loopback-stack.js";

export interface ReferenceForwarder {
  url: string;
  pid: number | undefined;
  close(): void;
}

export interface ReferenceForwarderOptions {
  oidcMetadataUrl: string;
  /** An API token: the forwarder accepts the audience this token carries. */
  audienceOf: string;
  /** The absolute Graph URL every request is forwarded to. */
  graphUrl: string;
  graphToken: string;
}

/** Starts bench/lib/reference-forwarder.ts as its own process and waits until it listens. */
export const startReferenceForwarder = async ({
  oidcMetadataUrl,
  audienceOf,
  graphUrl,
  graphToken,
}: ReferenceForwarderOptions): Promise<ReferenceForwarder> => {
  const port = await freePort();
  const { aud } = decodeJwt(audienceOf);
  const audience = Array.isArray(aud) ? (aud[0] ?? "") : (aud ?? "");
  // BENCH_FORWARDER_CPU_PROF=<dir>: a V8 CPU profile of the forwarder, beside the BFF's.
  const profileDir = process.env.BENCH_FORWARDER_CPU_PROF;
  const profile = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      "--import",
      "tsx",
      fileURLToPath(new URL("./reference-forwarder.ts", import.meta.url)),
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        FORWARDER_PORT: String(port),
        OIDC_METADATA_URL: oidcMetadataUrl,
        AUDIENCE: audience,
        GRAPH_URL: graphUrl,
        GRAPH_TOKEN: graphToken,
      },
    },
  );
  const [firstLine] = (await Promise.race([
    once(child.stdout, "data"),
    once(child, "exit").then(() => {
      throw new Error("the reference forwarder exited before listening");
    }),
  ])) as [Buffer];
  if (!firstLine.toString().includes("listening")) {
    child.kill();
    throw new Error(`the reference forwarder said: ${firstLine.toString()}`);
  }
  return {
    url: `http://127.0.0.1:${port}/api/vpp-tokens`,
    pid: child.pid,
    close: () => {
      child.kill("SIGTERM");
    },
  };
};
