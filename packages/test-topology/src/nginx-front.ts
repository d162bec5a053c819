import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Debian's nginx (`apt-get install nginx-light`; .ci/run installs it). */
const nginxBinary = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((path) => existsSync(path));

export const nginxAvailable = (): boolean =>
  nginxBinary !== undefined && spawnSync(nginxBinary, ["-v"]).status === 0;

export interface NginxFront {
  url: string;
  stop(): Promise<void>;
}

/**
 * The instance that answered a request through the front: nginx's `$upstream_addr` (the
 * upstream's `host:port`; "a, b" when nginx tried a first and b answered). Set by the test
 * front only, so a test can tell the instances apart without the BFF naming itself (ADR 0034).
 */
export const SERVED_BY_HEADER = "x-served-by";

/** The instance that finally answered, from a `SERVED_BY_HEADER` value. */
export const answeringUpstream = (servedBy: string): string =>
  servedBy.split(",").at(-1)?.trim() ?? "";

/**
 * nginx as the load balancer in front of the instances, with a config of its own in a temp
 * directory: loopback only, round robin, and the event stream unbuffered (ADR 0020). Each
 * answer names the upstream that gave it in `SERVED_BY_HEADER`.
 */
export const startNginxFront = async (port: number, upstreams: string[]): Promise<NginxFront> => {
  if (nginxBinary === undefined) throw new Error("nginx is not installed");
  const dir = await mkdtemp(join(tmpdir(), "ihc-nginx-"));
  const config = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream bff { ${upstreams.map((u) => `server ${u};`).join(" ")} }
  server {
    listen 127.0.0.1:${port};
    add_header ${SERVED_BY_HEADER} $upstream_addr always;
    location /api/events {
      proxy_pass http://bff;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
      proxy_read_timeout 1h;
    }
    location / {
      proxy_pass http://bff;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
  await writeFile(join(dir, "nginx.conf"), config);
  const child = spawn(nginxBinary, ["-p", dir, "-c", join(dir, "nginx.conf")], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      const log = await readFile(join(dir, "error.log"), "utf8").catch(() => "");
      child.kill("SIGKILL");
      throw new Error(`nginx did not start: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGQUIT");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
};
