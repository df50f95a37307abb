/**
 * Locates the Livorno seed document for tests, benchmarks and the re-import script.
 *
 * The document is committed under seed/data/livorno-dup-2020-2022/source/ (public, see ORIGIN.md
 * there), so the tests are hermetic. Two optional overrides come first: LIVORNO_DUP_SOURCE, and a
 * shared seeds folder beside the repository (../shared/seeds), the analysts' working copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importLivornoDup, type LivornoImport } from './import-livorno';

const SOURCE_FILE = '003_01b8c9156a238ce3.txt';
const COMMITTED_DIR = 'seed/data/livorno-dup-2020-2022/source';

/** The first `relative` path found walking up from here (works from sources and from dist/). */
function findUpwards(relative: string): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 10; i += 1) {
    const candidate = resolve(dir, relative);
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return undefined;
}

/** Where the document is read from, in order of precedence; the committed copy always exists. */
export function resolveLivornoSourcePath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['LIVORNO_DUP_SOURCE'];
  if (override) return override;
  return (
    findUpwards(`shared/seeds/${SOURCE_FILE}`) ??
    findUpwards(`${COMMITTED_DIR}/${SOURCE_FILE}`) ??
    resolve(__dirname, '../../../..', COMMITTED_DIR, SOURCE_FILE)
  );
}

export const LIVORNO_SOURCE_PATH = resolveLivornoSourcePath();

let cachedText: string | undefined;
let cachedImport: LivornoImport | undefined;

export function livornoSourceText(): string {
  if (cachedText === undefined) {
    if (!existsSync(LIVORNO_SOURCE_PATH)) {
      throw new Error(`The Livorno seed document is missing at ${LIVORNO_SOURCE_PATH} (committed under ${COMMITTED_DIR}; LIVORNO_DUP_SOURCE overrides it).`);
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
