import type { Simulator } from "../simulator.js";

export interface GraphResult {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function graphGet(
  sim: Simulator,
  path: string,
  token: string | undefined,
  headers: Record<string, string> = {},
): Promise<GraphResult> {
  const response = await fetch(`${sim.graphUrl}${path}`, {
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  };
}

/** The `error` object of a Graph error body, checked for Graph's shape on the way. */
export function graphErrorOf(result: GraphResult): { code: string; message: string } {
  const error = result.body.error as
    { code: string; message: string; innerError: Record<string, string> } | undefined;
  if (error === undefined) throw new Error(`Not a Graph error: ${JSON.stringify(result.body)}`);
  const requestId = result.headers.get("request-id");
  if (requestId === null || error.innerError["request-id"] !== requestId) {
    throw new Error("Graph errors carry the request-id header and the same id in innerError");
  }
  if (typeof error.innerError.date !== "string") throw new Error("innerError.date missing");
  return { code: error.code, message: error.message };
}
