import { ConsoleEventSchema, type ConsoleEvent } from "@ihc/contracts";

export interface SseClient {
  received: { at: number; event: ConsoleEvent }[];
  close(): void;
}

/** A minimal event-stream reader, as the SPA reads `GET /api/events` (fetch + bearer). */
export const openSse = async (url: string, token: string): Promise<SseClient> => {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  const received: SseClient["received"] = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (data !== undefined) {
            received.push({ at: Date.now(), event: ConsoleEventSchema.parse(JSON.parse(data)) });
          }
        }
      }
    } catch {
      // closed
    }
  })();
  return {
    received,
    close: () => {
      abort.abort();
    },
  };
};
