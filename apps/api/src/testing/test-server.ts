import { MikroORM } from '@mikro-orm/postgresql';
import { createUser } from '@dup/auth';
import { Ente, Role } from '@dup/domain';
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
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** Creates a user of the first ente (or `enteIstat`) with this role and returns its access token. */
  loginAs(role: Role, options?: { departmentCodes?: string[]; enteIstat?: string; username?: string }): Promise<string>;
  /** Token used by `gql` when none is given: an auditor by default (reads everything). */
  defaultToken: string | null;
  stop(): Promise<void>;
}

/** A real server on a loopback port, over a fresh database holding the given datasets. */
export async function startTestServer(
  options: { datasets?: PlanDataset[]; config?: Partial<AppConfig>; loginAsAuditor?: boolean } = {},
): Promise<TestServer> {
  const db = await createTestDatabase();
  for (const dataset of options.datasets ?? []) await loadDataset(db.orm, dataset);
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    databaseUrl: db.url,
    port: 0,
    migrateOnStart: false,
    seedOnEmpty: false,
    seedDemoUsers: false,
    rateLimitPerMinute: 1_000_000,
    loginAttempts: { perAccount: 1_000_000, perAddress: 1_000_000 },
    ...options.config,
  };
  const server = await startServer(config);
  const counter = new SqlStatementCounter(server.app.get<MikroORM>(MikroORM));
  let userCount = 0;
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string | null) => {
    const bearer = token === undefined ? testServer.defaultToken : token;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse<T>;
    return { ...body, status: response.status };
  };
  const testServer: TestServer = {
    url: server.url,
    db,
    server,
    counter,
    defaultToken: null,
    gql,
    async loginAs(role, opts = {}) {
      const em = db.orm.em.fork();
      const [ente] = await em.find(Ente, opts.enteIstat ? { istatCode: opts.enteIstat } : {}, { orderBy: { istatCode: 'asc' }, limit: 1 });
      if (!ente) throw new Error('loginAs needs a dataset with an ente');
      userCount += 1;
      const username = opts.username ?? `${role.toLowerCase().replace(/_/g, '-')}-${userCount}`;
      const password = `test-password-${userCount}-long`;
      await createUser(em, { enteId: ente.id, username, displayName: `Utente di prova ${userCount}`, role, password, departmentCodes: opts.departmentCodes ?? [] });
      const res = await gql<{ login: { accessToken: string } }>(
        'mutation($u: String!, $p: String!, $e: String) { login(username: $u, password: $p, ente: $e) { accessToken } }',
        { u: username, p: password, e: ente.istatCode },
        null,
      );
      if (!res.data) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.accessToken;
    },
    async stop() {
      await server.stop();
      await db.drop();
    },
  };
  if (options.datasets?.length && options.loginAsAuditor !== false) testServer.defaultToken = await testServer.loginAs(Role.AUDITOR);
  return testServer;
}
