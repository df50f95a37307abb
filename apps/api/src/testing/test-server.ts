import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, type AppConfig } from '@dup/config';
import { SqlStatementCounter } from '@dup/database';
import { loadDataset, type PlanDataset } from '@dup/seed';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { startServer, type RunningServer } from '../server';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  db: TestDatabase;
  server: RunningServer;
  counter: SqlStatementCounter;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** A real server on a loopback port, over a fresh database holding the given datasets. */
export async function startTestServer(options: { datasets?: PlanDataset[]; config?: Partial<AppConfig> } = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  for (const dataset of options.datasets ?? []) await loadDataset(db.orm, dataset);
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    databaseUrl: db.url,
    port: 0,
    migrateOnStart: false,
    seedOnEmpty: false,
    ...options.config,
  };
  const server = await startServer(config);
  const counter = new SqlStatementCounter(server.app.get<MikroORM>(MikroORM));
  return {
    url: server.url,
    db,
    server,
    counter,
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse<T>;
      return { ...body, status: response.status };
    },
    async stop() {
      await server.stop();
      await db.drop();
    },
  };
}
