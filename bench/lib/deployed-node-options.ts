import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The Node options the BFF is deployed with: the `Dockerfile`'s `NODE_OPTIONS` (its heap limit
 * and young generation, docs/deployment.md, Memory), so the bench measures the BFF's memory and
 * speed as it ships rather than as V8 sizes a heap on the bench machine. Throws when the
 * `Dockerfile` has none: the bench must not silently measure another configuration.
 */
export const deployedNodeOptions = (root: string): string => {
  const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
  const match = /\bNODE_OPTIONS=(?:"([^"]*)"|(\S+))/.exec(dockerfile);
  const options = match?.[1] ?? match?.[2];
  if (!options) throw new Error(`${join(root, "Dockerfile")} sets no NODE_OPTIONS`);
  return options;
};
