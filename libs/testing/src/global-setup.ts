import './register-paths';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  applyMigrations,
  createDatabaseIfMissing,
  createOrmConfig,
  dropDatabase,
  MIGRATIONS,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedPostgresHandle,
} from '@dup/database';

interface TestDatabaseState {
  embedded: EmbeddedPostgresHandle | null;
  serverUrl: string;
  template: string;
}

const STATE_KEY = '__DUP_TEST_DATABASE__';

/**
 * Jest global setup: one PostgreSQL server for the whole run (DATABASE_URL when set, else the
 * embedded one) and one template database migrated once; each test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  const holder = globalThis as unknown as Record<string, TestDatabaseState | undefined>;
  if (holder[STATE_KEY]) return;
  let embedded: EmbeddedPostgresHandle | null = null;
  let serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: join(__dirname, '../../../.data/test-postgres') });
    serverUrl = embedded.url;
  }
  const migrationsKey = createHash('sha256').update(MIGRATIONS.map((m) => m.name).join(',')).digest('hex').slice(0, 10);
  const template = `dup_test_template_${migrationsKey}_${process.pid}`;
  await dropDatabase(serverUrl, template);
  await createDatabaseIfMissing(serverUrl, template);
  const orm = await MikroORM.init(createOrmConfig({ url: withDatabase(serverUrl, template), poolMax: 2 }));
  try {
    await applyMigrations(orm);
  } finally {
    await orm.close();
  }
  // Jest copies this realm's globals into every test realm; MikroORM's decorator metadata
  // created here would then hold Maps of the wrong realm and break entity discovery there.
  delete (globalThis as Record<string, unknown>)['mikro-orm-metadata'];
  holder[STATE_KEY] = { embedded, serverUrl, template };
  process.env['TEST_PG_SERVER_URL'] = serverUrl;
  process.env['TEST_PG_TEMPLATE'] = template;
}


export async function globalTeardown(): Promise<void> {
  const holder = globalThis as unknown as Record<string, TestDatabaseState | undefined>;
  const state = holder[STATE_KEY];
  if (!state) return;
  holder[STATE_KEY] = undefined;
  await dropDatabase(state.serverUrl, state.template).catch(() => undefined);
  await state.embedded?.stop();
}

export { dropDatabase };
