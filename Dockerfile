# syntax=docker/dockerfile:1
# The gateway as a container: type-checked and transpiled once in a build stage, run from dist/
# with production dependencies only, as the unprivileged `node` user. Build: docker build -t ghl-gateway .
ARG NODE_VERSION=20.19

# Native modules (better-sqlite3) compile here when no prebuilt binary fits the platform.
FROM node:${NODE_VERSION}-bookworm-slim AS toolchain
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci runs the `prepare` script (wire types from the specs); it needs the script itself, and
# does nothing while src/ is not there yet (generated below, before the type check) or without dev dependencies.
COPY scripts/wire-types.mjs ./scripts/

FROM toolchain AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
# tsconfig.build.json type-checks src/ alone (tests are not copied); `npm run build` only transpiles.
RUN node scripts/wire-types.mjs && npx tsc -p tsconfig.build.json && npm run build

FROM toolchain AS prod-deps
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# GraphiQL's example tabs, read at startup from ../../schema/examples/ relative to dist/server/.
COPY schema/examples ./schema/examples
COPY package.json ./
# Installations (sqlite token store, TOKEN_STORE_PATH=.data/installations.db) live here.
RUN mkdir -p /app/.data && chown node:node /app/.data
VOLUME ["/app/.data"]
USER node
EXPOSE 4000
# SIGTERM starts a graceful stop (SHUTDOWN_DEADLINE_MS, default 10 s); give the runtime longer than that.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
