# halo-lms-mcp in a container: Streamable HTTP on port 8000, bearer token required on /mcp.
# Build:  docker build -t halo-lms-mcp .      Run: docker compose up -d   (README: "Docker (HTTP)")

# ---- build: full toolchain, compiles TypeScript to dist/ ----
FROM node:24-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# No source maps in the image: only what runs.
COPY scripts ./scripts
RUN npx tsc -p tsconfig.build.json --sourceMap false && node scripts/bundle.mjs --no-sourcemap

# ---- runtime: production dependencies and compiled code only ----
FROM node:24-alpine AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts \
 && npm cache clean --force \
 && rm -rf /root/.npm /tmp/* \
 && mkdir -p /config /downloads /uploads \
 && chown node:node /config /downloads
COPY --from=build /app/dist/bin ./dist/bin
COPY config.example.json ./

# Inside the container the server listens on every interface of the container's own network namespace;
# docker-compose.yml publishes it on the host's 127.0.0.1 only. The Host check still accepts
# localhost:8000 and 127.0.0.1:8000.
ENV MCP_TRANSPORT=http \
    MCP_HOST=0.0.0.0 \
    MCP_PORT=8000 \
    HALO_CONFIG=/config/config.json \
    HALO_UPLOAD_ROOTS=/uploads \
    HALO_DOWNLOADS_DIR=/downloads \
    HALO_HOST_CONFIG=./config/config.json \
    MCP_PUBLIC_URL=http://127.0.0.1:8000/mcp

# Writes go only to /config (token + rotated session), /downloads and /tmp: the root filesystem can be read-only.
VOLUME ["/config", "/downloads"]
USER node
EXPOSE 8000

# node's built-in fetch: no curl in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.MCP_PORT||8000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# Exec form: node is PID 1 and receives SIGTERM directly (the server handles it and exits promptly).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/bin/cli.js"]
