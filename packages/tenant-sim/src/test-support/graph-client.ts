import type { Simulator } from "../simulator.js";

/** Where requests go: a simulator, or the same one under another of its names. */
export type GraphTarget = Pick<Simulator, "graphUrl">;

export interface GraphResult {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function graphRequest(
  sim: GraphTarget,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<GraphResult> {
  const response = await fetch(`${sim.graphUrl}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  };
}

export function graphGet(
  sim: GraphTarget,
  path: string,
  token: string | undefined,
  headers: Record<string, string> = {},
): Promise<GraphResult> {
  return graphRequest(sim, "GET", path, token, undefined, headers);
}

export function graphPost(
  sim: GraphTarget,
  path: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<GraphResult> {
  return graphRequest(sim, "POST", path, token, body, headers);
}

/** The `value` of a collection answer. */
export function valueOf(result: GraphResult): Record<string, unknown>[] {
  return result.body.value as Record<string, unknown>[];
}

/**
 * Every item of a collection, following `@odata.nextLink` from `path`; each page must be a 200
 * and each link absolute on the origin asked, as Graph's are.
 */
export async function allPages(
  sim: GraphTarget,
  path: string,
  token: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let next: string | undefined = path; next !== undefined;) {
    const page = await graphGet(sim, next, token);
    if (page.status !== 200) throw new Error(`${next} answered ${page.status}`);
    items.push(...valueOf(page));
    const link = page.body["@odata.nextLink"];
    if (link !== undefined && (typeof link !== "string" || !link.startsWith(`${sim.graphUrl}/`))) {
      throw new Error(`nextLink ${JSON.stringify(link)} is not on ${sim.graphUrl}`);
    }
    next = link?.slice(sim.graphUrl.length);
  }
  return items;
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

/** The text inside Intune's JSON document in `message` (DESIGN.md §1). */
export function intuneMessageOf(result: GraphResult): string {
  const { message } = graphErrorOf(result);
  const document = JSON.parse(message) as { Message?: unknown };
  if (typeof document.Message !== "string") throw new Error(`Not an Intune message: ${message}`);
  return document.Message;
}

/** Polls `read` until `done` holds, or fails after `timeoutMs`. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
  intervalMs = 40,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** An iOS VPP app's assigned licenses (beta), first page. */
export async function assignedLicensesOf(
  sim: GraphTarget,
  appId: string,
  token: string,
): Promise<Record<string, unknown>[]> {
  const path = `/beta/deviceAppManagement/mobileApps/${appId}/microsoft.graph.iosVppApp/assignedLicenses`;
  return valueOf(await graphGet(sim, path, token));
}
