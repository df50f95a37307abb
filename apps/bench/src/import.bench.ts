import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import { applyMigrations, createDatabaseIfMissing, createOrmConfig, dropDatabase, resolveDatabase, withDatabase } from '@dup/database';
import { importLivornoDup, LIVORNO_SOURCE_PATH, loadDataset } from '@dup/seed';

/**
 * `npm run bench:import`: the whole Livorno import — parsing the source text into the dataset,
 * then loading it into an empty, migrated database in one transaction — and a second, idempotent load.
 */
async function main(): Promise<void> {
  const text = readFileSync(LIVORNO_SOURCE_PATH, 'utf8');
  const runs = 5;
  const parseMs: number[] = [];
  let dataset = importLivornoDup(text).dataset;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    dataset = importLivornoDup(text).dataset;
    parseMs.push(performance.now() - t0);
  }
  const db = await resolveDatabase({ databaseUrl: process.env['DATABASE_URL'] ?? null, embeddedPgDir: '.data/bench-postgres', log: () => undefined });
  const name = `dup_bench_import_${process.pid}`;
  await createDatabaseIfMissing(db.url, name);
  const orm = await MikroORM.init(createOrmConfig({ url: withDatabase(db.url, name) }));
  try {
    await applyMigrations(orm);
    const t1 = performance.now();
    const counts = await loadDataset(orm, dataset);
    const loadMs = performance.now() - t1;
    const t2 = performance.now();
    await loadDataset(orm, dataset);
    const reloadMs = performance.now() - t2;
    const parse = median(parseMs);
    const report = {
      source: LIVORNO_SOURCE_PATH,
      parseMedianMs: round(parse),
      firstLoadMs: round(loadMs),
      wholeImportMs: round(parse + loadMs),
      idempotentReloadMs: round(reloadMs),
      goalMs: 2000,
      counts,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (report.wholeImportMs > report.goalMs) process.exitCode = 1;
  } finally {
    await orm.close();
    await dropDatabase(db.url, name);
    await db.embedded?.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 10) / 10;

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
