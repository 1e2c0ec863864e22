# The API (with its projector) for docker-compose.yml; the embedded PostgreSQL is not used
# here: DATABASE_URL points at the compose file's PostgreSQL.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/examples ./examples
COPY package.json ./
EXPOSE 3000
USER node
CMD ["node", "dist/apps/api/src/main.js"]
