import { describe, expect, it } from "vitest";
import { buildMsalConfiguration } from "./msal";

const simulator = {
  clientId: "5e0c7a1d-2b3f-4c8e-9a6d-1f2e3d4c5b6a",
  authority: "https://login.simulator.invalid/0b1a8c4e-5f3d-4e2a-9c1b-7d6e5f4a3b21/v2.0",
  knownAuthorities: ["login.simulator.invalid"],
  authorityMetadata: '{"issuer":"http://localhost:4010/x/v2.0"}',
  apiScopes: ["api://9c2d4e6f-8a1b-4c3d-b5e7-0f1a2b3c4d5e/access_as_user"],
  tenant: "simulator" as const,
};

describe("buildMsalConfiguration", () => {
  it("uses the served settings, the SPA's origin and per-tab storage", () => {
    const config = buildMsalConfiguration(simulator, "http://localhost:5173");
    expect(config.auth).toMatchObject({
      clientId: simulator.clientId,
      authority: simulator.authority,
      knownAuthorities: simulator.knownAuthorities,
      authorityMetadata: simulator.authorityMetadata,
      redirectUri: "http://localhost:5173/",
      postLogoutRedirectUri: "http://localhost:5173/",
    });
    expect(config.cache?.cacheLocation).toBe("localStorage");
    expect(config.system?.loggerOptions?.piiLoggingEnabled).toBe(false);
  });

  it("leaves authorityMetadata out against Entra ID, so MSAL discovers it", () => {
    const { authorityMetadata: _omitted, ...entra } = simulator;
    const config = buildMsalConfiguration(
      { ...entra, tenant: "entra" },
      "https://console.contoso.com",
    );
    expect(config.auth).not.toHaveProperty("authorityMetadata");
  });
});
