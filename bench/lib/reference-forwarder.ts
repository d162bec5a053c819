import { createServer, request as httpRequest } from "node:http";
import { createRemoteJWKSet, jwtVerify } from "jose";

/**
 * The bench's reference peer (issue #19): the least a BFF could do for one read. node:http,
 * the same token checks a resource server must make (RS256 against the tenant's JWKS, issuer,
 * audience, scope), one Graph token fetched once, and the request forwarded to Graph as is.
 * No logging, no schema validation, no per-user token, no rate limit: what the BFF costs on
 * top of this is what its extra duties cost.
 *
 * Run as its own process (`node --import tsx reference-forwarder.ts`), configured by
 * environment: FORWARDER_PORT, OIDC_METADATA_URL, AUDIENCE, GRAPH_URL (the Graph request to
 * forward, absolute), GRAPH_TOKEN. Prints "listening" once it accepts requests.
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`${name} is not set`);
  return value;
};

const metadata = (await (await fetch(env("OIDC_METADATA_URL"))).json()) as {
  issuer: string;
  jwks_uri: string;
};
const keys = createRemoteJWKSet(new URL(metadata.jwks_uri));
const audience = env("AUDIENCE");
const graphUrl = new URL(env("GRAPH_URL"));
const graphToken = env("GRAPH_TOKEN");
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

const server = createServer((req, res) => {
  const token = BEARER.exec(req.headers.authorization ?? "")?.[1];
  if (token === undefined) {
    res.writeHead(401).end();
    return;
  }
  jwtVerify(token, keys, { algorithms: ["RS256"], issuer: metadata.issuer, audience })
    .then(({ payload }) => {
      const scopes = typeof payload.scp === "string" ? payload.scp.split(" ") : [];
      if (!scopes.includes("access_as_user")) {
        res.writeHead(403).end();
        return;
      }
      const upstream = httpRequest(
        graphUrl,
        { headers: { authorization: `Bearer ${graphToken}`, accept: "application/json" } },
        (graph) => {
          res.writeHead(graph.statusCode ?? 502, {
            "content-type": graph.headers["content-type"] ?? "application/json",
          });
          graph.pipe(res);
        },
      );
      upstream.on("error", () => res.writeHead(502).end());
      upstream.end();
    })
    .catch(() => res.writeHead(401).end());
});
server.keepAliveTimeout = 60_000;
// Stopped by SIGTERM: exit normally, so a --cpu-prof profile is written.
process.once("SIGTERM", () => process.exit(0));
server.listen(Number(env("FORWARDER_PORT")), "127.0.0.1", () => {
  console.log("listening");
});
