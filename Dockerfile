# The Storyline image: the API (CMD) and the projector (docker-compose.yml runs it with another
# command). It holds no embedded PostgreSQL (embedded-postgres is a development dependency,
# pruned below): DATABASE_URL must name a server, as docker-compose.yml does.
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24.22.3-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 STORYLINE_LOG_FORMAT=json
# Owned by root and only readable by the `node` user the server runs as: it cannot change its own code.
COPY --from=build /app/node_modules ./node_modules
# dist/ carries the web page's files too (nest-cli.json "assets"): nothing is read from the sources.
COPY --from=build /app/dist ./dist
COPY --from=build /app/examples ./examples
COPY package.json ./
USER node
EXPOSE 3000
# Liveness: the API answers /health (no key needed). Node 24 has fetch, so no curl in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
