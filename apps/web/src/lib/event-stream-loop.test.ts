import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error";

// The loop's one way out to the network: each attempt is scripted here.
const attempts: { headers: Record<string, string> | undefined }[] = [];
let script: (() => Promise<Response>)[] = [];
vi.mock("./api-client", () => ({
  openApiStream: (_route: unknown, options: { headers?: Record<string, string> }) => {
    attempts.push({ headers: options.headers });
    const next = script.shift();
    return next ? next() : new Promise<Response>(() => undefined);
  },
}));

const { startEventStream } = await import("./event-stream");

/** A stream that sends these SSE lines, then ends (the connection dropped). */
const streamOf = (text: string) =>
  Promise.resolve(
    new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      }),
      { status: 200, headers: { "content-type": "text/event-stream" } },
    ),
  );

const problem = (status: number, code: string, retryAfterSeconds?: number) => () =>
  Promise.reject(new ApiError({ status, code, title: code, retryAfterSeconds }));

let stop: (() => void) | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  // The loop waits on window timers and listens for "online".
  vi.stubGlobal(
    "window",
    Object.assign(new EventTarget(), {
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (id: ReturnType<typeof setTimeout>) => {
        clearTimeout(id);
      },
    }),
  );
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  attempts.length = 0;
});

afterEach(async () => {
  stop?.();
  stop = undefined;
  await vi.runOnlyPendingTimersAsync();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the event stream's reconnect loop", () => {
  it("reconnects after a drop, resuming from the last event id", async () => {
    script = [() => streamOf("id: 41\ndata: {}\n\nid: 42\ndata: {}\n\n"), () => streamOf("")];
    stop = startEventStream(new QueryClient());
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.headers).toBeUndefined();
    // Back-off: at most 1 s for the first retry.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.headers).toEqual({ "Last-Event-ID": "42" });
  });

  it("waits at least what the server's Retry-After asks before trying again", async () => {
    script = [problem(503, "unavailable", 10), () => streamOf("")];
    stop = startEventStream(new QueryClient());
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toHaveLength(1);
    // Jitter takes up to half off: not before 5 s, surely by 10 s.
    await vi.advanceTimersByTimeAsync(4_900);
    expect(attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_200);
    expect(attempts).toHaveLength(2);
  });

  it("backs off further after each failed attempt", async () => {
    script = [
      problem(502, "unexpected_response"),
      problem(502, "unexpected_response"),
      problem(502, "unexpected_response"),
    ];
    // No jitter: the longest wait of each step (1 s, 2 s, 4 s).
    vi.spyOn(Math, "random").mockReturnValue(1);
    stop = startEventStream(new QueryClient());
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(attempts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(attempts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(3_900);
    expect(attempts).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(100);
    expect(attempts).toHaveLength(4);
  });

  it("stops for good on a refusal another attempt cannot fix", async () => {
    script = [problem(403, "forbidden")];
    stop = startEventStream(new QueryClient());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toHaveLength(1);
  });

  it("stops trying once its last user leaves", async () => {
    script = [problem(502, "unexpected_response")];
    stop = startEventStream(new QueryClient());
    await vi.advanceTimersByTimeAsync(0);
    stop();
    stop = undefined;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts).toHaveLength(1);
  });
});
