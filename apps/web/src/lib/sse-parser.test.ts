import { describe, expect, it } from "vitest";
import { SseParser, type SseMessage } from "./sse-parser";

function parse(chunks: string[]): { messages: SseMessage[]; retries: number[] } {
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  const parser = new SseParser({
    onMessage: (m) => messages.push(m),
    onRetry: (ms) => retries.push(ms),
  });
  for (const chunk of chunks) parser.push(chunk);
  return { messages, retries };
}

describe("SseParser", () => {
  it("reads the BFF's events with ids, types and retry", () => {
    const { messages, retries } = parse([
      'retry: 2000\n\nid: 7\nevent: action\ndata: {"a":1}\n\nevent: heartbeat\ndata: {}\n\n',
    ]);
    expect(retries).toEqual([2000]);
    expect(messages).toEqual([
      { event: "action", data: '{"a":1}', id: "7" },
      { event: "heartbeat", data: "{}", id: undefined },
    ]);
  });

  it("joins events split anywhere across chunks, including inside CRLF", () => {
    const { messages } = parse(["id: 1\r", "\nda", "ta: he", "llo\r\n", "\r\n", "data: x\n", "\n"]);
    expect(messages).toEqual([
      { event: "message", data: "hello", id: "1" },
      { event: "message", data: "x", id: undefined },
    ]);
  });

  it("joins multi-line data, ignores comments and dispatches nothing without data", () => {
    const { messages } = parse([": keep-alive\n\ndata: a\ndata: b\n\nevent: x\n\n"]);
    expect(messages).toEqual([{ event: "message", data: "a\nb", id: undefined }]);
  });

  it("waits for the blank line before dispatching", () => {
    const { messages } = parse(["data: half"]);
    expect(messages).toEqual([]);
  });
});
