import 'reflect-metadata';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, type AppConfig } from '@dup/config';
import { SqlStatementCounter } from '@dup/database';

/** What the bench needs of `apps/api/src/server.ts` (loaded from the build, see below). */
interface ApiServerModule {
  startServer(config: AppConfig): Promise<{ url: string; app: { get<T>(token: unknown): T }; stop(): Promise<void> }>;
}

export type BenchServerRequest = { type: 'statements' } | { type: 'stop' };
export type BenchServerMessage =
  | { type: 'ready'; url: string }
  | { type: 'statements'; total: number; cpuMicros: number }
  | { type: 'error'; message: string };

/**
 * Child process of `graphql.bench.ts`: the real API server (built `apps/api`, loaded by path so
 * that no library depends on an application) on a loopback port, with a SQL statement counter
 * on its ORM. The parent drives it over HTTP and asks for the statement total over IPC, so the
 * load generator never shares the server's event loop.
 */
async function main(): Promise<void> {
  if (!process.env['DATABASE_URL']) throw new Error('DATABASE_URL is required');
  const api = (await import(join(__dirname, '..', '..', 'api', 'src', 'server.js'))) as ApiServerModule;
  const config: AppConfig = {
    // Production settings, silent logs; the parent passes JWT_SECRET and lifts the per-client
    // rate limit, which would otherwise throttle the load generator's single address.
    ...loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent' }),
    host: '127.0.0.1',
    port: 0,
    migrateOnStart: false,
    seedOnEmpty: false,
  };
  const server = await api.startServer(config);
  const counter = new SqlStatementCounter(server.app.get<MikroORM>(MikroORM));
  const send = (message: BenchServerMessage) => process.send?.(message);
  process.on('message', (request: BenchServerRequest) => {
    if (request.type === 'statements') {
      const cpu = process.cpuUsage();
      send({ type: 'statements', total: counter.totalStatements, cpuMicros: cpu.user + cpu.system });
    }
    if (request.type === 'stop') {
      void server.stop().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => void server.stop().finally(() => process.exit(0)));
  send({ type: 'ready', url: server.url });
}

main().catch((error: unknown) => {
  process.send?.({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
