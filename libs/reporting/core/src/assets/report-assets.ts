import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | null = null;

/**
 * The repository's `reports/` folder (fonts, styles, default texts). Found by walking up from
 * this file, so it works from the TypeScript sources (tests) and from the compiled `dist/` tree.
 */
export function reportAssetsDir(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'reports');
    if (existsSync(join(candidate, 'texts')) && existsSync(join(candidate, 'fonts'))) return (cached = candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cartella reports/ non trovata: i modelli del rapporto non sono installati.');
    dir = parent;
  }
}

/** The shipped default of a configurable report text (reports/texts/<key>.md). */
export function defaultReportText(key: string): string {
  return readFileSync(join(reportAssetsDir(), 'texts', `${key}.md`), 'utf8').trim();
}
