import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { createDatabaseIfMissing, createOrmConfig, withDatabase } from '@dup/database';
import { dropDatabase } from './global-setup';

export interface TestDatabase {
  url: string;
  name: string;
  orm: MikroORM;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, cloned from the migrated template: files never see
 * each other's rows, and nothing is mocked.
 */
export async function createTestDatabase(options: { logQuery?: (sql: string) => void } = {}): Promise<TestDatabase> {
  const serverUrl = process.env['TEST_PG_SERVER_URL'];
  const template = process.env['TEST_PG_TEMPLATE'];
  if (!serverUrl || !template) throw new Error('The jest global setup did not run (TEST_PG_SERVER_URL is missing).');
  const name = `dup_test_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(serverUrl, name, template);
  const url = withDatabase(serverUrl, name);
  const orm = await MikroORM.init(createOrmConfig({ url, poolMax: 4, logQuery: options.logQuery }));
  return {
    url,
    name,
    orm,
    async drop() {
      await orm.close(true);
      await dropDatabase(serverUrl, name);
    },
  };
}
