import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** What the budget in `apps/web/bundle-budget.json` is checked against. */
export interface BundleSize {
  /** Every JS file the built index.html loads eagerly, with gzip sizes in bytes. */
  initial: ChunkSize[];
  initialGzipBytes: number;
  /** Every other JS file in dist/assets (loaded on demand), largest first. */
  lazy: ChunkSize[];
  /** JS that index.html names (script and modulepreload tags), to cross-check the manifest. */
  referencedByHtml: string[];
  /**
   * What a first visit fetches before the sign-in page shows: the initial load, plus the chunks
   * start-up imports at once (the API client) and the sign-in page's own; never the console's.
   */
  signInPage: ChunkSize[];
  signInPageGzipBytes: number;
}

/** Modules start-up imports dynamically before the sign-in page can show (main.tsx, app.tsx). */
const signInPageModules = ["src/app/start-api.ts", "src/app/sign-in-screen.tsx"];

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleBudget {
  initialJsKb: number;
  largestLazyChunkKb: number;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

const webDir = path.resolve(import.meta.dirname, "..");

export const readBundleBudget = (): BundleBudget =>
  JSON.parse(readFileSync(path.join(webDir, "bundle-budget.json"), "utf8")) as BundleBudget;

const sizeOf = (distDir: string, file: string): ChunkSize => {
  const content = readFileSync(path.join(distDir, file));
  // zlib's default level (6), what HTTP servers use when they compress on the fly.
  return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
};

/**
 * Sizes of the built SPA (`vite build` with `build.manifest`): the initial load is the entry
 * chunk and the closure of its static imports, as the manifest records them; what index.html
 * references is returned too, so a test can prove both agree.
 */
export const measureBundle = (distDir = path.join(webDir, "dist")): BundleSize => {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, ".vite", "manifest.json"), "utf8"),
  ) as Record<string, ManifestChunk>;
  /** The chunks of `keys` and of everything they import statically. */
  const closureOf = (keys: string[]): Set<string> => {
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    for (const key of keys) visit(key);
    return files;
  };
  const eager = closureOf(Object.keys(manifest).filter((key) => manifest[key]?.isEntry));
  for (const key of signInPageModules) {
    if (!manifest[key]) throw new Error(`${key} is not a chunk of the build`);
  }
  const beforeSignIn = closureOf(signInPageModules);
  const html = readFileSync(path.join(distDir, "index.html"), "utf8");
  const referencedByHtml = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/?([^"]+\.js)"/g),
  ].map((match) => match[1] ?? "");
  const allJs = readdirSync(path.join(distDir, "assets"))
    .filter((name) => name.endsWith(".js"))
    .map((name) => `assets/${name}`);
  const bySize = (a: ChunkSize, b: ChunkSize) => b.gzipBytes - a.gzipBytes;
  const initial = allJs.filter((file) => eager.has(file)).map((file) => sizeOf(distDir, file));
  const lazy = allJs.filter((file) => !eager.has(file)).map((file) => sizeOf(distDir, file));
  const signInPage = allJs
    .filter((file) => eager.has(file) || beforeSignIn.has(file))
    .map((file) => sizeOf(distDir, file));
  return {
    signInPage: signInPage.sort(bySize),
    signInPageGzipBytes: signInPage.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    initial: initial.sort(bySize),
    initialGzipBytes: initial.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    lazy: lazy.sort(bySize),
    referencedByHtml,
  };
};
