import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { loadDataset, readShippedDataset } from '../demo-seed';

/** The `seed` command is a write path too: an approved period's data cannot be reloaded changed. */
describe('dataset loader and locked periods', () => {
  let db: TestDatabase;
  const dump = async () => (await db.orm.em.getConnection().execute<{ d: string }[]>(`select json_agg(s order by s.id)::text d from goal_status s`))[0].d;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDataset(db.orm, readShippedDataset('livorno-dup-2020-2022'));
  }, 120_000);
  afterAll(() => db.drop());

  it('reloads the same data of the approved 30/06/2020 period, and refuses a change with PERIOD_LOCKED, writing nothing', async () => {
    const before = await dump();
    await loadDataset(db.orm, readShippedDataset('livorno-dup-2020-2022'));
    expect(await dump()).toBe(before);

    const changed = readShippedDataset('livorno-dup-2020-2022');
    changed.goalStatuses[0] = { ...changed.goalStatuses[0], narrative: `${changed.goalStatuses[0].narrative} (ritoccato)` };
    await expect(loadDataset(db.orm, changed)).rejects.toThrow(/\[PERIOD_LOCKED\]/);
    expect(await dump()).toBe(before);
  }, 120_000);
});
