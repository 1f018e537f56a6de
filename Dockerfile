# The bot as a container: Node 20 on Debian slim, run as an unprivileged user.
#   docker build -t article-qa-bot .
#   docker run -d --name qa-bot --env-file .env -v qa-state:/app/var -v "$PWD/data/articles:/app/data/articles" article-qa-bot
# Build stage: compile src/ into dist/ and bundle it (dist/bundle/) with the full toolchain.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts/build.mjs scripts/bundle.mjs scripts/bundle-loader.cjs ./scripts/
RUN npm run build

FROM node:20-slim

ENV NODE_ENV=production \
    STATE_DIR=/app/var \
    EMBEDDING_CACHE_DIR=/app/var/models \
    METRICS_PORT=9464 \
    METRICS_HOST=127.0.0.1

WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only; tsx stays for the operator scripts (deploy-commands, reindex, healthcheck).
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY --from=build /app/dist ./dist
COPY src ./src
COPY scripts ./scripts
COPY data ./data

RUN mkdir -p /app/var && chown -R node:node /app/var
USER node

# The stored index, the embedding cache, the downloaded model, feedback and the audit log live here.
VOLUME ["/app/var"]

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "--import", "tsx", "scripts/healthcheck.ts"]

# The compiled, bundled bot, run by plain Node.
CMD ["node", "--enable-source-maps", "dist/bundle/main.cjs"]
