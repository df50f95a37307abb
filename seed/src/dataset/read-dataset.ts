import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAN_DATASET_FORMAT_VERSION, type PlanDataset } from './plan-dataset';

/**
 * Reads a dataset folder: every `*.json` file holds some top-level keys of the dataset, split
 * only to keep diffs reviewable. A key defined twice is an error, never silently merged.
 */
export function readDatasetFolder(dir: string): PlanDataset {
  const merged: Record<string, unknown> = {};
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`Nessun file JSON nel dataset ${dir}`);
  for (const file of files) {
    const part = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    for (const [key, value] of Object.entries(part)) {
      if (key in merged && key !== 'formatVersion') throw new Error(`La chiave "${key}" è definita due volte nel dataset ${dir} (${file})`);
      merged[key] = value;
    }
  }
  if (merged['formatVersion'] !== PLAN_DATASET_FORMAT_VERSION) {
    throw new Error(`Versione del formato del dataset non supportata in ${dir}: ${String(merged['formatVersion'])}`);
  }
  return merged as unknown as PlanDataset;
}
