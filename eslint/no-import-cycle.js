// A small import-cycle rule of our own (STYLE.md 14): eslint-plugin-import-x's no-cycle needs a
// native resolver and a TypeScript resolver plugin; our imports are all relative ESM paths
// (`./x.js` for `./x.ts`), which a few lines resolve. Type-only imports are erased by tsc and
// cannot form a runtime cycle, so they are not followed.
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["'](\.[^"']+)["']/g;
const edges = new Map();

const resolveImport = (from, specifier) => {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.js$/, "");
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((file) => /\.tsx?$/.test(file) && existsSync(file));
};

/** The files `file` imports for their values, resolved; read once per lint run. */
const importsOf = (file) => {
  let found = edges.get(file);
  if (found === undefined) {
    const text = readFileSync(file, "utf8");
    found = [...text.matchAll(IMPORT)]
      .filter((match) => match[1] === undefined)
      .map((match) => resolveImport(file, match[2]))
      .filter((target) => target !== undefined);
    edges.set(file, found);
  }
  return found;
};

/** One path from `start` back to it through value imports, or undefined. */
const cycleFrom = (start) => {
  const seen = new Set();
  const walk = (file, path) => {
    for (const next of importsOf(file)) {
      if (next === start) return [...path, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...path, next]);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
};

export const noImportCycle = {
  meta: {
    type: "problem",
    docs: { description: "Modules never import themselves through others (value imports)." },
    schema: [],
    messages: { cycle: "Import cycle: {{path}}" },
  },
  create(context) {
    return {
      Program(node) {
        const cycle = cycleFrom(context.filename);
        if (cycle === undefined) return;
        const root = context.cwd;
        context.report({
          node,
          messageId: "cycle",
          data: { path: cycle.map((file) => file.replace(`${root}/`, "")).join(" → ") },
        });
      },
    };
  },
};
