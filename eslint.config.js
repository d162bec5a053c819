// One flat config for the whole workspace, with type-aware rules (STYLE.md §12).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { noImportCycle } from "./eslint/no-import-cycle.js";

const webFeatures = ["vpp-tokens", "apps", "enrollment-profiles", "users", "activity", "my-access"];

/** Production files of `files` may not import what `patterns` match (tests may reach across). */
const zone = (files, patterns) => ({
  files: [files],
  ignores: ["**/*.test.{ts,tsx}", "**/test-support/**"],
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/coverage/**",
      "e2e/test-results/**",
      "e2e/playwright-report/**",
      "bench/results/**",
      "release/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Named exports only (STYLE.md)." },
      ],
    },
  },
  {
    // process.env is read in one place per app: its config module (STYLE.md "Avoid").
    files: ["apps/bff/src/**/*.ts", "packages/tenant-sim/src/**/*.ts"],
    ignores: ["**/config.ts", "**/cli.ts", "**/*.test.ts", "**/test-support/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration in config.ts only." },
      ],
    },
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Import boundaries as lint zones (STYLE.md 14, bulletproof-react's zones): each layer lists
  // what it may not import. Relative paths only: the apps import no aliases of their own.
  ...webFeatures.map((feature) =>
    zone(`apps/web/src/features/${feature}/**/*.{ts,tsx}`, [
      {
        regex: `^(\\.\\./)+(features/)?(${webFeatures.filter((f) => f !== feature).join("|")})/`,
        message: "Features import shared code (components, lib), never each other.",
      },
      { regex: "^(\\.\\./)+app/", message: "The app imports features, not the other way." },
    ]),
  ),
  zone("apps/web/src/{components,lib}/**/*.{ts,tsx}", [
    {
      regex: "^(\\.\\./)+(features|app)/",
      message: "Shared code (components, lib) never imports a feature or the app.",
    },
  ]),
  // The BFF: routes → actions → graph/auth → errors (http serves routes and the app).
  zone("apps/bff/src/actions/**/*.ts", [
    {
      regex: "^(\\.\\./)+(routes|http)/",
      message: "Actions sit below routes: routes import actions, not the other way.",
    },
    { regex: "^(\\.\\./)+(app|server)\\.js$", message: "Only server.ts wires the app." },
  ]),
  zone("apps/bff/src/{graph,auth}/**/*.ts", [
    {
      regex: "^(\\.\\./)+(routes|http|actions)/",
      message: "Graph and auth sit below actions and routes: they import errors.ts only.",
    },
    { regex: "^(\\.\\./)+(app|server)\\.js$", message: "Only server.ts wires the app." },
  ]),
  {
    files: ["apps/*/src/**/*.{ts,tsx}", "packages/*/src/**/*.ts"],
    plugins: { local: { rules: { "no-import-cycle": noImportCycle } } },
    rules: { "local/no-import-cycle": "error" },
  },
  zone("apps/bff/src/errors.ts", [
    {
      regex: "^\\.",
      message: "errors.ts is the bottom layer: every layer imports it, it imports none.",
    },
  ]),
  {
    // React.lazy needs default exports from route modules; configs need them too.
    files: ["**/*.config.{ts,js}", "apps/web/src/app/routes/**/*.tsx", "e2e/**/*.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // Tool configs sit outside every tsconfig; they are linted without type information.
    files: ["**/*.js", "**/*.mjs", "**/vitest.config.ts", "**/vite.config.ts"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
