/** One dispatched Server-Sent Event. */
export interface SseMessage {
  /** The `event:` field; "message" when the server sent none. */
  event: string;
  data: string;
  /** The `id:` of this event, when it had one. */
  id: string | undefined;
}

export interface SseParserCallbacks {
  onMessage: (message: SseMessage) => void;
  /** The server's `retry:` field, in milliseconds. */
  onRetry?: (milliseconds: number) => void;
}

/**
 * Incremental `text/event-stream` parser, as the HTML standard's "interpreting an event stream"
 * describes it: lines end in CRLF, LF or CR (possibly split across chunks), `:` starts a comment,
 * `data:` lines join with "\n", a blank line dispatches, an empty data buffer dispatches nothing.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export class SseParser {
  private buffer = "";
  private pendingCarriageReturn = false;
  private eventType = "";
  private data: string[] = [];
  private eventId: string | undefined;

  constructor(private readonly callbacks: SseParserCallbacks) {}

  push(chunk: string): void {
    let text = chunk;
    // A CR at the end of the previous chunk may be the first half of a CRLF.
    if (this.pendingCarriageReturn && text.startsWith("\n")) text = text.slice(1);
    this.pendingCarriageReturn = false;
    this.buffer += text;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? "";
    if (this.buffer === "" && text.endsWith("\r")) this.pendingCarriageReturn = true;
    for (const line of lines) this.line(line);
  }

  private line(line: string): void {
    if (line === "") {
      this.dispatch();
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        this.eventType = value;
        break;
      case "data":
        this.data.push(value);
        break;
      case "id":
        if (!value.includes("\0")) this.eventId = value;
        break;
      case "retry":
        if (/^\d+$/.test(value)) this.callbacks.onRetry?.(Number(value));
        break;
      default:
        break;
    }
  }

  private dispatch(): void {
    const { data, eventType, eventId } = this;
    this.data = [];
    this.eventType = "";
    this.eventId = undefined;
    if (data.length === 0) return;
    this.callbacks.onMessage({ event: eventType || "message", data: data.join("\n"), id: eventId });
  }
}
