import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { PlanEdition } from '@dup/domain';
import type { PlanDataset } from './dataset/plan-dataset';
import { readDatasetFolder } from './dataset/read-dataset';
import { loadBudgetCatalogue, readCatalogueCsv } from './loader/load-budget-catalogue';
import { loadPlanDataset, type LoadCounts } from './loader/load-plan-dataset';

/** Folder of the shipped datasets, resolved from this file in sources and in `dist/` alike. */
export const SEED_DATA_DIR = findSeedDataDir();

function findSeedDataDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i += 1) {
    const candidate = join(dir, 'seed', 'data');
    if (existsSync(join(candidate, 'catalogue'))) return candidate;
    if (existsSync(join(dir, 'data', 'catalogue'))) return join(dir, 'data');
    dir = join(dir, '..');
  }
  return join(process.cwd(), 'seed', 'data');
}

/** The demo dataset: Livorno's DUP when its import is present, otherwise the minimal fixture. */
export const DEMO_DATASETS = ['livorno-dup-2020-2022', 'fixture-minimal'] as const;

export function demoDatasetName(): string {
  return DEMO_DATASETS.find((name) => existsSync(join(SEED_DATA_DIR, name))) ?? 'fixture-minimal';
}

export async function loadDatasetByName(
  orm: MikroORM,
  name: string,
  progress: (step: string) => void = () => undefined,
): Promise<LoadCounts> {
  return loadDataset(orm, readDatasetFolder(join(SEED_DATA_DIR, name)), progress);
}

export function readShippedDataset(name: string): PlanDataset {
  return readDatasetFolder(join(SEED_DATA_DIR, name));
}

/** Loads the catalogue and a dataset in a single transaction: all of it, or nothing. */
export async function loadDataset(orm: MikroORM, dataset: PlanDataset, progress: (step: string) => void = () => undefined): Promise<LoadCounts> {
  const catalogue = readCatalogueCsv(join(SEED_DATA_DIR, 'catalogue', 'missioni-programmi.csv'));
  return orm.em.fork().transactional(async (em) => {
    progress('catalogo Missioni/Programmi');
    await loadBudgetCatalogue(em, catalogue);
    await em.flush();
    return loadPlanDataset(em, dataset, progress);
  });
}

/** Seeds the demo dataset only when the database holds no plan at all. */
export async function seedIfEmpty(orm: MikroORM, progress?: (step: string) => void): Promise<{ seeded: boolean; dataset: string; counts?: LoadCounts }> {
  const dataset = demoDatasetName();
  const editions = await orm.em.fork().count(PlanEdition, {});
  if (editions > 0) return { seeded: false, dataset };
  const counts = await loadDatasetByName(orm, dataset, progress);
  return { seeded: true, dataset, counts };
}
