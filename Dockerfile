# The console as a container: the same `pnpm release` the CI tests, on Node 24, run as a
# non-root user. No Docker engine runs where this project is developed and tested, so this file
# is not built in CI; what it runs (scripts/release.mjs) is (docs/deployment.md, ADR 0025).

# --- build: compilers for better-sqlite3's native addon, the workspace, `pnpm release` ---
FROM node:24-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN npx -y pnpm@10.34.8 install --frozen-lockfile \
 && npx -y pnpm@10.34.8 release

# --- run: the release folder alone ---
FROM node:24-bookworm-slim
# NODE_OPTIONS: a heap limit, so garbage does not pile up under a long bulk run, and a young
# generation of 3 × 32 MB instead of V8's 3 × 64 MB (docs/deployment.md, Memory; `pnpm bench` runs
# the BFF with these options).
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-old-space-size=512 --max-semi-space-size=32" \
    HOST=0.0.0.0 \
    PORT=3001 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /src/release/ ./
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3001
VOLUME ["/data"]
# Liveness: the process answers (readiness, /api/ready, is for the load balancer).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3001)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
