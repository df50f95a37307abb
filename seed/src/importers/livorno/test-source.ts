/**
 * Locates the seed document for tests. It lives outside the repository (shared seeds folder);
 * LIVORNO_DUP_SOURCE overrides the default location.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importLivornoDup, type LivornoImport } from './import-livorno';

export const LIVORNO_SOURCE_PATH =
  process.env['LIVORNO_DUP_SOURCE'] ?? resolve(__dirname, '../../../../../shared/seeds/003_01b8c9156a238ce3.txt');

let cachedText: string | undefined;
let cachedImport: LivornoImport | undefined;

export function livornoSourceText(): string {
  cachedText ??= readFileSync(LIVORNO_SOURCE_PATH, 'utf8');
  return cachedText;
}

/** The import is pure, so one run is shared by every test in a file. */
export function livornoImport(): LivornoImport {
  cachedImport ??= importLivornoDup(livornoSourceText());
  return cachedImport;
}
