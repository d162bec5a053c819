#!/usr/bin/env node
// `pnpm release`: a self-contained production folder, `release/`, that starts with
// `node server.js` and environment variables alone (docs/deployment.md, ADR 0025):
//   release/server.js      the launcher (serves public/ unless SPA_DIST_DIR says otherwise)
//   release/dist/          the BFF, compiled
//   release/public/        the built SPA
//   release/node_modules/  production dependencies only, better-sqlite3 compiled for this Node
// The Dockerfile runs this same script. Offline: pnpm deploy installs from the local store.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// --built: the workspace is already built (pnpm test builds first); skip building it again.
const built = process.argv.includes("--built");
const out = join(root, process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? "release");
const pnpm = (...args) => {
  console.log(`> pnpm ${args.join(" ")}`);
  // Under `pnpm release`, npm_execpath is the pnpm that runs us: the same version deploys.
  const [command, prefix] = process.env.npm_execpath
    ? [process.execPath, [process.env.npm_execpath]]
    : ["npx", ["-y", "pnpm@10.34.8"]];
  execFileSync(command, [...prefix, ...args], { cwd: root, stdio: "inherit" });
};

if (!built) pnpm("-r", "build");
rmSync(out, { recursive: true, force: true });
// --legacy: copy workspace packages (@ihc/contracts) as they are built, without requiring
// inject-workspace-packages for the whole workspace.
pnpm("--filter", "@ihc/bff", "deploy", "--prod", "--legacy", "--prefer-offline", out);
cpSync(join(root, "apps/web/dist"), join(out, "public"), { recursive: true });
writeFileSync(
  join(out, "server.js"),
  `// The console: the BFF serving the built SPA from one origin. Settings: .env.example.
import { fileURLToPath } from "node:url";

process.env.SPA_DIST_DIR ||= fileURLToPath(new URL("./public", import.meta.url));
await import("./dist/server.js");
`,
);
for (const required of [
  "server.js",
  "dist/server.js",
  "public/index.html",
  "node_modules/better-sqlite3",
]) {
  if (!existsSync(join(out, required))) throw new Error(`release: ${required} is missing`);
}
console.log(`release: ${out} — start it with \`node server.js\` (settings in .env.example)`);
