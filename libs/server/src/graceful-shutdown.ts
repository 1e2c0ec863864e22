import type { INestApplication, Logger } from '@nestjs/common';
import type { OpenedDatabase } from '@storyline/database';
import { onShutdownSignals } from '@storyline/host';
import type { Server } from 'node:http';
import { HttpDrain } from './http/drain';

/** Time kept back from the HTTP drain for closing the app, the pools and the embedded server. */
const CLOSING_RESERVE_MS = 3_000;

/**
 * SIGTERM/SIGINT: stop accepting, end event streams (clients are told to reconnect), let the
 * requests in flight finish, then close the app (projector leadership, pools) and the
 * database, and exit 0, all within `timeoutMs`.
 */
export function shutDownGracefully(app: INestApplication, database: OpenedDatabase, timeoutMs: number, logger: Logger): void {
  const drain = new HttpDrain(app.getHttpServer() as Server);
  onShutdownSignals({
    timeoutMs,
    log: (line) => logger.log(line),
    stop: async () => {
      const { streams, forced } = await drain.drain(Date.now() + Math.max(timeoutMs - CLOSING_RESERVE_MS, timeoutMs / 2));
      logger.log(`HTTP closed: ${streams} event streams told to reconnect${forced ? `, ${forced} requests cut off` : ''}`);
      await app.close();
      await database.close();
    },
  });
}
