/**
 * Locates the seed document for tests. It lives outside the repository (shared seeds folder);
 * LIVORNO_DUP_SOURCE overrides the default location.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importLivornoDup, type LivornoImport } from './import-livorno';

const SOURCE_FILE = '003_01b8c9156a238ce3.txt';

/** The shared seeds folder sits beside the repository: walk up from here (sources or dist/). */
function findSharedSource(): string {
  let dir = __dirname;
  for (let i = 0; i < 10; i += 1) {
    const candidate = resolve(dir, 'shared/seeds', SOURCE_FILE);
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(__dirname, '../../../../../shared/seeds', SOURCE_FILE);
}

export const LIVORNO_SOURCE_PATH = process.env['LIVORNO_DUP_SOURCE'] ?? findSharedSource();

let cachedText: string | undefined;
let cachedImport: LivornoImport | undefined;

export function livornoSourceText(): string {
  if (cachedText === undefined) {
    if (!existsSync(LIVORNO_SOURCE_PATH)) {
      throw new Error(`The Livorno seed document is missing at ${LIVORNO_SOURCE_PATH}: clone the repository beside the shared folder (../shared/seeds) or set LIVORNO_DUP_SOURCE.`);
    }
    cachedText = readFileSync(LIVORNO_SOURCE_PATH, 'utf8');
  }
  return cachedText;
}

/** The import is pure, so one run is shared by every test in a file. */
export function livornoImport(): LivornoImport {
  cachedImport ??= importLivornoDup(livornoSourceText());
  return cachedImport;
}
