import { expect } from "vitest";
import type { Stack } from "../test-support/start-stack.js";

const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/;

/**
 * Every line the BFF logged while a suite ran holds no credential: none of the tokens the suite
 * used (nor their signatures), no JWT at all, not the client secret, no Authorization value.
 */
export const expectNoSecretsInLogs = (stack: Stack, tokens: readonly string[]): void => {
  const text = stack.logs.text;
  for (const token of tokens) {
    expect(text.includes(token)).toBe(false);
    expect(text.includes(token.split(".")[2] ?? token)).toBe(false);
  }
  expect(text).not.toMatch(JWT);
  expect(text.includes(stack.sim.apps.api.clientSecret)).toBe(false);
  expect(text).not.toMatch(/Bearer\s+(?!error=)[\w-]/);
  expect(text).not.toMatch(/"authorization"\s*:\s*"(?!\[redacted\])/i);
  expect(text).not.toMatch(
    /"(refresh_token|access_token|client_secret|assertion)"\s*:\s*"(?!\[redacted\])/,
  );
};
