import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Source folder of the committed migrations and their snapshot. Resolved from the workspace
 * root, so it is the same whether code runs from TypeScript (tests) or from `dist/`.
 */
export const MIGRATIONS_FOLDER = join(findWorkspaceRoot(__dirname), 'libs/platform/database/src/migrations');

function findWorkspaceRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = join(dir, '..');
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
