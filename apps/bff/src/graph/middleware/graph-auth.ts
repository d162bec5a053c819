import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import type { OboTokenProvider } from "../../auth/obo-token-provider.js";
import { GraphCall, requestUrl, setRequestHeader } from "../graph-call.js";

/**
 * Attaches the user's on-behalf-of Graph token. Ours rather than the library's
 * AuthenticationHandler, which only attaches tokens for the https Graph hosts it knows and so
 * would send nothing to the simulator. It attaches the token to the configured Graph origin
 * only, so a URL from elsewhere (a crafted nextLink) never receives it.
 */
export class GraphAuthMiddleware implements Middleware {
  private next: Middleware | undefined;
  private readonly graphOrigin: string;

  constructor(
    graphBaseUrl: string,
    private readonly tokenProvider: OboTokenProvider,
  ) {
    this.graphOrigin = new URL(graphBaseUrl).origin;
  }

  async execute(context: Context): Promise<void> {
    const call = GraphCall.of(context);
    if (new URL(requestUrl(context)).origin === this.graphOrigin) {
      const token = await this.tokenProvider.getGraphToken(call.user, call.user.claimsRequest);
      setRequestHeader(context, "authorization", `Bearer ${token}`);
    }
    if (!this.next) throw new Error("GraphAuthMiddleware needs a next middleware.");
    // Last stop before the wire: from here on a failure may have reached Graph.
    call.dispatched++;
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
