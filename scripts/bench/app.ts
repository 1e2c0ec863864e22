/**
 * The in-process API for the query and append-to-visible benches: listening on a free
 * loopback port, authenticated by a bootstrap key, with no write limit.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@storyline/database';
import { Client } from 'pg';
import { createStorylineApp } from '@storyline/server';

export interface BenchApp {
  readonly baseUrl: string;
  readonly key: string;
  readonly app: INestApplication;
  /** fetch with the key; throws on a status other than 2xx. */
  call(path: string, init?: { method?: string; body?: unknown }): Promise<any>;
  close(): Promise<void>;
}

export async function startBenchApp(url: string, env: Record<string, string> = {}): Promise<BenchApp> {
  const key = `bench-${randomBytes(12).toString('hex')}`;
  // STORYLINE_VIEW_CACHE passes through, so a run can measure reads with the view cache off.
  const passed = process.env.STORYLINE_VIEW_CACHE === undefined ? {} : { STORYLINE_VIEW_CACHE: process.env.STORYLINE_VIEW_CACHE };
  const config = loadConfig({ STORYLINE_LOAD_EXAMPLE: 'false', STORYLINE_BOOTSTRAP_KEY: key, STORYLINE_WRITES_PER_MINUTE: '0', ...passed, ...env });
  const app = await createStorylineApp({ databaseUrl: url, config, logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const call = async (path: string, init: { method?: string; body?: unknown } = {}): Promise<any> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return { baseUrl, key, app, call, close: () => app.close() };
}

/** Waits until every projection's checkpoint has reached the log's head. */
export async function waitForProjections(url: string, timeoutMs = 30 * 60_000): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query(
        `SELECT (SELECT coalesce(max(position), 0) FROM events) AS head, (SELECT coalesce(min(position), 0) FROM projection_checkpoints) AS behind`,
      );
      if (BigInt(rows[0].behind) >= BigInt(rows[0].head)) return;
      if (Date.now() > deadline) throw new Error(`projections still at ${rows[0].behind} of ${rows[0].head}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}
