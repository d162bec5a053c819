import { describe, expect, it } from "vitest";
import { parseBearerChallenge, parseGraphError, parseIntuneMessage } from "./graph-error.js";

const json = (value: unknown) => JSON.stringify(value);

describe("parseGraphError", () => {
  const intune403 = (message: string) =>
    parseGraphError({
      status: 403,
      headers: new Headers({ "content-type": "application/json" }),
      body: json({
        error: { code: "Forbidden", message: json({ _version: 3, Message: message }) },
      }),
      intunePermission: "remoteTasks.retire",
    });

  it("tells a missing Intune role from a missing Graph scope", () => {
    expect(
      intune403("User is not authorized to perform this operation. - Activity ID: x")
        .intunePermission,
    ).toBe("remoteTasks.retire");
    expect(
      intune403(
        "Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementManagedDevices.PrivilegedOperations.All",
      ).intunePermission,
    ).toBeUndefined();
  });

  it("reads Graph's standard error shape", () => {
    const error = parseGraphError({
      status: 404,
      headers: new Headers({ "content-type": "application/json" }),
      body: json({
        error: {
          code: "Request_ResourceNotFound",
          message: "Resource '5c0a3c6f-0000-0000-0000-000000000000' does not exist.",
          innerError: {
            date: "2024-05-02T10:11:12",
            "request-id": "6b1ddc0d-8f1f-4b5c-a5f7-2f3a0e5c9a11",
            "client-request-id": "0f6e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
          },
        },
      }),
    });
    expect(error).toMatchObject({
      status: 404,
      code: "Request_ResourceNotFound",
      message: "Resource '5c0a3c6f-0000-0000-0000-000000000000' does not exist.",
      requestId: "6b1ddc0d-8f1f-4b5c-a5f7-2f3a0e5c9a11",
      clientRequestId: "0f6e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
      date: "2024-05-02T10:11:12",
      retryAfterSeconds: undefined,
      claimsChallenge: undefined,
    });
  });

  it("unwraps Intune's JSON document inside message, keeping the activity id", () => {
    // The shape Intune's services return through Graph for an internal failure.
    const intune = json({
      _version: 3,
      Message:
        "An internal server error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: 7cb2e1a4-6a7b-4e0e-9d61-1c3f0b2a4d55 - Url: https://fef.msua06.manage.microsoft.com/StatelessAppMetadataFEService/deviceAppManagement/mobileApps('a1b2')/revokeAllLicenses?api-version=2023-08-02",
      CustomApiErrorPhrase: "",
      RetryAfter: null,
      ErrorSourceService: "",
      HttpHeaders: "{}",
    });
    const error = parseGraphError({
      status: 500,
      headers: new Headers({ "request-id": "from-header" }),
      body: json({
        error: {
          code: "InternalServerError",
          message: intune,
          innerError: {
            date: "2024-05-02T10:11:12",
            "request-id": "9a8b7c6d-0000-4000-8000-000000000001",
            "client-request-id": "9a8b7c6d-0000-4000-8000-000000000002",
          },
        },
      }),
    });
    expect(error.message).toBe("An internal server error has occurred");
    expect(error.activityId).toBe("7cb2e1a4-6a7b-4e0e-9d61-1c3f0b2a4d55");
    expect(error.code).toBe("InternalServerError");
    expect(error.requestId).toBe("9a8b7c6d-0000-4000-8000-000000000001");
  });

  it("keeps prefix text and reads Intune's RetryAfter", () => {
    const message = `Request throttled: ${json({
      _version: 3,
      Message:
        "Too many requests - Operation ID (for customer support): 11111111-2222-3333-4444-555555555555",
      CustomApiErrorPhrase: "",
      RetryAfter: 17,
      ErrorSourceService: "",
      HttpHeaders: '{"Retry-After":"17"}',
    })} - Activity ID: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`;
    const parsed = parseIntuneMessage(message);
    expect(parsed).toEqual({
      text: "Request throttled: Too many requests",
      operationId: "11111111-2222-3333-4444-555555555555",
      activityId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
      retryAfterSeconds: 17,
    });
  });

  it("strips the operation trailer from a plain-text Intune message", () => {
    const parsed = parseIntuneMessage(
      "Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementApps.ReadWrite.All - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: 3f2e1d0c-0000-4000-8000-00000000abcd - Url: https://fef.msub02.manage.microsoft.com/AppLifecycle_2302/StatelessAppLifecycleFEService/deviceAppManagement/vppTokens?api-version=5023-03-29 - CustomApiErrorPhrase: ",
    );
    expect(parsed.text).toBe(
      "Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementApps.ReadWrite.All",
    );
    expect(parsed.activityId).toBe("3f2e1d0c-0000-4000-8000-00000000abcd");
  });

  it("handles Intune's pretty-printed JSON with CRLFs", () => {
    const message =
      '{\r\n  "_version": 3,\r\n  "Message": "The Apple VPP token has expired. - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: 5c3b7e0a-1111-4222-8333-944455556666 - Url: https://fef.amsua0602.manage.microsoft.com/x",\r\n  "CustomApiErrorPhrase": "",\r\n  "RetryAfter": null,\r\n  "ErrorSourceService": "",\r\n  "HttpHeaders": "{}"\r\n}';
    const error = parseGraphError({
      status: 400,
      headers: new Headers(),
      body: json({ error: { code: "BadRequest", message } }),
    });
    expect(error.message).toBe("The Apple VPP token has expired.");
    expect(error.activityId).toBe("5c3b7e0a-1111-4222-8333-944455556666");
  });

  it("reads Retry-After as seconds or as an HTTP-date", () => {
    const now = Date.parse("2024-05-02T10:00:00Z");
    const seconds = parseGraphError({
      status: 429,
      headers: new Headers({ "retry-after": "12" }),
      body: json({ error: { code: "TooManyRequests", message: "Too many requests." } }),
      now,
    });
    expect(seconds.retryAfterSeconds).toBe(12);
    const date = parseGraphError({
      status: 503,
      headers: new Headers({ "retry-after": "Thu, 02 May 2024 10:00:30 GMT" }),
      body: "",
      now,
    });
    expect(date.retryAfterSeconds).toBe(30);
  });

  it("survives non-JSON bodies from gateways in front of Graph", () => {
    const error = parseGraphError({
      status: 502,
      headers: new Headers({ "content-type": "text/html" }),
      body: "<html><body>Bad Gateway</body></html>",
      clientRequestId: "ours",
    });
    expect(error).toMatchObject({
      status: 502,
      code: "http502",
      message: "Microsoft Graph answered 502.",
      clientRequestId: "ours",
    });
  });

  it("accepts the older innererror spelling", () => {
    const error = parseGraphError({
      status: 403,
      headers: new Headers(),
      body: json({
        error: {
          code: "Forbidden",
          message: "Insufficient privileges to complete the operation.",
          innererror: { "request-id": "r-1", date: "2024-05-02T10:11:12" },
        },
      }),
    });
    expect(error.requestId).toBe("r-1");
  });

  it("takes the claims challenge from a 401's WWW-Authenticate header", () => {
    const claims = Buffer.from(
      '{"access_token":{"acrs":{"essential":true,"value":"c1"}}}',
    ).toString("base64");
    const error = parseGraphError({
      status: 401,
      headers: new Headers({
        "www-authenticate": `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${claims}"`,
      }),
      body: json({
        error: {
          code: "InvalidAuthenticationToken",
          message:
            "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp",
        },
      }),
    });
    expect(error.claimsChallenge).toBe(claims);
  });
});

describe("parseBearerChallenge", () => {
  it("reads quoted and token auth-params", () => {
    const params = parseBearerChallenge(
      'Bearer error="invalid_token", error_description="expired", scope=openid',
    );
    expect(Object.fromEntries(params)).toEqual({
      error: "invalid_token",
      error_description: "expired",
      scope: "openid",
    });
  });
});
