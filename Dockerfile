# syntax=docker/dockerfile:1
# One image for every service of the platform; SERVICE picks which app runs.
#   docker build --build-arg SERVICE=referral-intake -t rj-platform .
#   docker run -e SERVICE=partner-matching rj-platform           (any service, same image)
#   docker run rj-platform node -r ./tools/runtime/dist-paths.js dist/apps/<svc>/src/migrate.js
# Used by docker-compose.yml and by k8s/ (which names the command explicitly).

ARG NODE_IMAGE=node:20.20-bookworm-slim

# ---- deps: the full dependency tree, for the build --------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---- build: tsc emits dist/apps/<svc>/src/*.js and dist/libs/** --------------------------
FROM deps AS build
COPY tsconfig.base.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npx tsc -p tsconfig.build.json

# ---- prod-deps: runtime dependencies only ------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- runtime ------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE=referral-intake
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    NPM_CONFIG_UPDATE_NOTIFIER=false
RUN groupadd --system --gid 10001 rj \
 && useradd --system --uid 10001 --gid rj --home-dir /app --shell /usr/sbin/nologin rj
WORKDIR /app
COPY --chown=root:root package.json tsconfig.base.json ./
COPY --chown=root:root --from=prod-deps /app/node_modules ./node_modules
COPY --chown=root:root --from=build /app/dist ./dist
COPY --chown=root:root tools/runtime/dist-paths.js ./tools/runtime/dist-paths.js
# Code is owned by root and read-only for the app user; the app writes only to /tmp.
USER 10001:10001
EXPOSE 3001 3002 3003 3004 3005 4001
# exec: node is PID 1 and receives SIGTERM itself for the graceful drain.
CMD ["sh", "-c", "exec node -r ./tools/runtime/dist-paths.js dist/apps/${SERVICE}/src/main.js"]
