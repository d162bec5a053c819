import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import type { ActionRecord } from "@ihc/contracts";
import {
  createSubmissionController,
  initialSubmissionState,
  isUncertainFailure,
  type SubmissionState,
} from "./use-action-submission";

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

describe("createSubmissionController: the dialog hook's send side", () => {
  const record = { id: "a1" } as ActionRecord;
  const setup = (answers: (() => Promise<ActionRecord>)[]) => {
    let state: SubmissionState<string> = initialSubmissionState;
    const sent: { input: string; key: string }[] = [];
    const accepted: ActionRecord[] = [];
    const controller = createSubmissionController<string>(
      "key-1",
      (input, key) => {
        sent.push({ input, key });
        const answer = answers.shift();
        return answer ? answer() : new Promise<ActionRecord>(() => undefined);
      },
      (update) => {
        state = update(state);
      },
      (r) => accepted.push(r),
    );
    return { controller, sent, accepted, state: () => state };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("sends once for a double click, with the dialog's key, and keeps the accepted record", async () => {
    const { controller, sent, accepted, state } = setup([() => Promise.resolve(record)]);
    controller.submit("x");
    controller.submit("x");
    expect(state().phase).toBe("sending");
    await settle();
    expect(sent).toEqual([{ input: "x", key: "key-1" }]);
    expect(accepted).toEqual([record]);
    // The dialog renders its result from the accepted record, and knows what it sent.
    expect(state()).toEqual({ phase: "idle", error: undefined, accepted: record, sent: "x" });
  });

  it("after no answer, retries the same input with the same key, the failure shown meanwhile", async () => {
    const lost = error(0, "network_error");
    const { controller, sent, state } = setup([() => Promise.reject(lost)]);
    controller.submit("first");
    await settle();
    expect(state()).toMatchObject({ phase: "uncertain", error: lost });
    controller.retry();
    expect(state()).toMatchObject({ phase: "sending", error: lost });
    expect(sent).toEqual([
      { input: "first", key: "key-1" },
      { input: "first", key: "key-1" },
    ]);
  });

  it("after a refusal, lets the agent correct the input and send again", async () => {
    const { controller, sent, state } = setup([
      () => Promise.reject(error(400, "validation_failed")),
      () => Promise.resolve(record),
    ]);
    controller.submit("wrong");
    await settle();
    expect(state().phase).toBe("refused");
    controller.submit("right");
    await settle();
    expect(sent.map((s) => s.input)).toEqual(["wrong", "right"]);
    expect(state().accepted).toBe(record);
  });
});
