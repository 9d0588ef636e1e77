# syntax=docker/dockerfile:1
# kube-posture's container image: the Next.js standalone server, run as a numeric non-root
# user, on a root filesystem that can be mounted read-only. The only writable paths are
# DATA_DIR (/data, the snapshot store) and /tmp; deploy/ mounts volumes on both.
#
# e2e/standalone.spec.ts assembles this final stage from a local build (its COPY lines, ENV,
# USER and CMD are read from this file) and serves the dashboard with it.
#
# Pin the base by digest for reproducible builds, e.g. --build-arg NODE_IMAGE=node:20-bookworm-slim@sha256:…
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Dependencies, from the lockfile only, so this layer is cached until it changes.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. The build: .next/standalone holds server.js and only the node_modules it traces.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT_STANDALONE=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN mkdir -p public && npx next build

# The fleet agent (deploy/agent, `docker build --target agent`): the command line,
# `kube-posture scan --push`, run from the sources through tsx with the build's dependencies.
FROM build AS agent
ENV HOME=/tmp NODE_ENV=production
USER 10001:10001
ENTRYPOINT ["node", "bin/kube-posture.mjs"]

# 3. The runtime: no package managers, no sources, no build tools; files owned by root, read-only to the app.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data \
    HOME=/tmp \
    AUTH_MODE=token
# AUTH_MODE=token: viewers sign in with a Kubernetes token (TokenReview); the image listens on
# every address, so it never starts unauthenticated. AUTH_MODE=proxy sits behind an auth proxy.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
# The request boundary's preload (loaded by CMD before the server): nothing is served until
# authentication and the boundary's checks are in place; see SECURITY.md.
COPY --from=build /app/lib/server/boundary/preload.mjs ./lib/server/boundary/preload.mjs
COPY --from=build /app/lib/server/boundary/security-headers.mjs ./lib/server/boundary/security-headers.mjs
# The node image's own user is 1000; a high uid matches no host account.
RUN mkdir -p /data && chown 10001:10001 /data && chmod 0700 /data \
    && rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /opt/yarn-* /usr/local/bin/yarn /usr/local/bin/yarnpkg
USER 10001:10001
VOLUME ["/data"]
EXPOSE 3000
CMD ["node", "--import", "./lib/server/boundary/preload.mjs", "server.js"]
