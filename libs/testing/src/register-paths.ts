import { join } from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * Jest's global setup runs outside the test module registry, so `moduleNameMapper` does not
 * apply there; the workspace aliases are registered by hand for it.
 */
const root = join(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compilerOptions } = require(join(root, 'tsconfig.base.json')) as { compilerOptions: { paths: Record<string, string[]> } };
register({ baseUrl: root, paths: compilerOptions.paths });
