// One flat config for the whole workspace, with type-aware rules (STYLE.md §12).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/coverage/**",
      "e2e/test-results/**",
      "e2e/playwright-report/**",
      "bench/results/**",
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
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Feature folders never import each other (bulletproof-react project structure).
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./\\.\\./(vpp-tokens|apps|enrollment-profiles|users|activity)/",
              message: "Features import shared code, never each other.",
            },
          ],
        },
      ],
    },
  },
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
