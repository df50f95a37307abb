// Lives in the testing library rather than next to libs/platform/database: a spec there that used
// the test database would make `database` and `testing` depend on each other.
import { schemaDriftsFromMigrations } from '@dup/database';
import { createTestDatabase, type TestDatabase } from './test-database';

describe('committed migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('produce exactly the schema the entities describe (no drift)', async () => {
    const { drift, sql } = await schemaDriftsFromMigrations(db.orm);
    expect(sql).toBe('');
    expect(drift).toBe(false);
  });

  it('are all applied and recorded', async () => {
    const pending = await db.orm.migrator.getPendingMigrations();
    expect(pending).toEqual([]);
    const executed = await db.orm.migrator.getExecutedMigrations();
    expect(executed.length).toBeGreaterThan(0);
  });
});
