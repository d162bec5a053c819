import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { GraphCall, setRequestHeader } from "../graph-call.js";

/**
 * First in the chain: stamps every call with its `client-request-id` (one per logical call, the
 * same across retries, so Graph's logs and our action journal agree) and asks Graph to echo
 * it. It also keeps whatever typed error the rest of the chain throws on the `GraphCall`,
 * because the client library replaces thrown errors with its own GraphError.
 * https://learn.microsoft.com/graph/best-practices-concept#reliability-and-support
 */
export class ClientRequestIdMiddleware implements Middleware {
  private next: Middleware | undefined;

  async execute(context: Context): Promise<void> {
    const call = GraphCall.of(context);
    setRequestHeader(context, "client-request-id", call.clientRequestId);
    setRequestHeader(context, "return-client-request-id", "true");
    if (!this.next) throw new Error("ClientRequestIdMiddleware needs a next middleware.");
    try {
      await this.next.execute(context);
    } catch (error) {
      call.failure = error;
      throw error;
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
