import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { isUncertainFailure } from "./use-action-submission";

const error = (status: number, code: string) => new ApiError({ status, code, title: code });

describe("isUncertainFailure", () => {
  it("is uncertain when no answer came or a gateway or server failed on the way", () => {
    expect(isUncertainFailure(error(0, "network_error"))).toBe(true);
    expect(isUncertainFailure(error(502, "unexpected_response"))).toBe(true);
    expect(isUncertainFailure(error(504, "unexpected_response"))).toBe(true);
    expect(isUncertainFailure(error(500, "internal"))).toBe(true);
  });

  it("is a plain refusal when the BFF said no before acting", () => {
    expect(isUncertainFailure(error(400, "validation_failed"))).toBe(false);
    expect(isUncertainFailure(error(403, "forbidden"))).toBe(false);
    expect(isUncertainFailure(error(422, "idempotency_key_reused"))).toBe(false);
    expect(isUncertainFailure(new Error("bug"))).toBe(false);
  });
});
