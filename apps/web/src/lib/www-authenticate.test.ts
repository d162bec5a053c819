import { describe, expect, it } from "vitest";
import {
  decodeBase64Json,
  encodeBase64Json,
  getClaimsChallenge,
  parseWwwAuthenticate,
  requiresInteraction,
} from "./www-authenticate";

// The example from Microsoft's claims-challenge documentation (CAE):
// https://learn.microsoft.com/entra/identity-platform/claims-challenge
const CLAIMS_JSON = '{"access_token":{"nbf":{"essential":true, "value":"1604106651"}}}';
const CLAIMS_B64 =
  "eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZSwgInZhbHVlIjoiMTYwNDEwNjY1MSJ9fX0=";

describe("parseWwwAuthenticate", () => {
  it("reads a Bearer challenge with quoted parameters, keeping base64 padding", () => {
    const header = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${CLAIMS_B64}"`;
    expect(parseWwwAuthenticate(header)).toEqual([
      {
        scheme: "Bearer",
        params: {
          realm: "",
          authorization_uri: "https://login.microsoftonline.com/common/oauth2/authorize",
          error: "insufficient_claims",
          claims: CLAIMS_B64,
        },
      },
    ]);
  });

  it("splits several challenges and unescapes quoted strings", () => {
    const header = 'Basic realm="a \\"quoted\\" realm", Bearer error=invalid_token, scope="x y"';
    expect(parseWwwAuthenticate(header)).toEqual([
      { scheme: "Basic", params: { realm: 'a "quoted" realm' } },
      { scheme: "Bearer", params: { error: "invalid_token", scope: "x y" } },
    ]);
  });

  it("lower-cases parameter names and tolerates odd spacing", () => {
    expect(parseWwwAuthenticate('Bearer  Error = "x" ,Claims="e30="')).toEqual([
      { scheme: "Bearer", params: { error: "x", claims: "e30=" } },
    ]);
  });

  it("returns nothing for an empty header", () => {
    expect(parseWwwAuthenticate("")).toEqual([]);
  });
});

describe("getClaimsChallenge", () => {
  it("decodes the claims of a Bearer challenge to the JSON MSAL expects", () => {
    const header = `Bearer error="insufficient_claims", claims="${CLAIMS_B64}"`;
    expect(getClaimsChallenge(header)).toBe(CLAIMS_JSON);
  });

  it("finds the Bearer challenge among others", () => {
    const header = `Basic realm="x", Bearer claims="${CLAIMS_B64}"`;
    expect(getClaimsChallenge(header)).toBe(CLAIMS_JSON);
  });

  it("ignores headers without claims, with claims under another scheme, or undecodable", () => {
    expect(getClaimsChallenge(null)).toBeUndefined();
    expect(getClaimsChallenge('Bearer error="invalid_token"')).toBeUndefined();
    expect(getClaimsChallenge(`Basic claims="${CLAIMS_B64}"`)).toBeUndefined();
    expect(getClaimsChallenge('Bearer claims="not base64!"')).toBeUndefined();
    // Valid base64 of something that is not a JSON object.
    expect(getClaimsChallenge(`Bearer claims="${btoa("[1,2]")}"`)).toBeUndefined();
  });
});

describe("requiresInteraction", () => {
  it("recognises the BFF's interaction_required challenge only", () => {
    expect(requiresInteraction('Bearer error="interaction_required"')).toBe(true);
    expect(requiresInteraction('Bearer error="invalid_token"')).toBe(false);
    expect(requiresInteraction('Basic error="interaction_required"')).toBe(false);
    expect(requiresInteraction(null)).toBe(false);
  });
});

describe("decodeBase64Json", () => {
  it("accepts base64url without padding and UTF-8 content", () => {
    const json = '{"name":"Адель","x":"?>"}';
    const bytes = new TextEncoder().encode(json);
    const base64 = btoa(String.fromCharCode(...bytes));
    const base64url = base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(decodeBase64Json(base64)).toBe(json);
    expect(decodeBase64Json(base64url)).toBe(json);
  });
});

describe("encodeBase64Json (the X-Claims-Challenge the SPA sends back)", () => {
  it("round-trips a claims request, non-ASCII included, as the BFF decodes it", () => {
    const claims = '{"access_token":{"acrs":{"essential":true,"value":"c1"},"note":"ä"}}';
    const encoded = encodeBase64Json(claims);
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decodeBase64Json(encoded)).toBe(claims);
    expect(getClaimsChallenge(`Bearer error="insufficient_claims", claims="${encoded}"`)).toBe(
      claims,
    );
  });
});
