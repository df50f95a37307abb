import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';

/**
 * Proves that the workspace ESLint config really enforces the layering: synthetic files (linted
 * from memory, never written) import a workspace library from various projects.
 */
const WORKSPACE_ROOT = join(__dirname, '../../..');
const RULE = '@nx/enforce-module-boundaries';

const probe = (library: string) => `import * as lib from '${library}';\n\nexport const probe = lib;\n`;

describe('module boundaries (eslint.config.js)', () => {
  let eslint: ESLint;

  beforeAll(async () => {
    // ESLint loads a config file with a native dynamic import(), which jest's CommonJS sandbox
    // refuses; the same file is loaded here (TypeScript turns import() into require) and passed in.
    const { default: workspaceConfig } = (await import(join(WORKSPACE_ROOT, 'eslint.config.js'))) as { default: Promise<Linter.Config[]> };
    eslint = new ESLint({ cwd: WORKSPACE_ROOT, overrideConfigFile: true, overrideConfig: await workspaceConfig });
  });

  /** Messages of the boundary rule, and whether anything else was reported at all. */
  async function lint(relativePath: string, library: string): Promise<{ boundary: string[]; all: number }> {
    const [result] = await eslint.lintText(probe(library), { filePath: join(WORKSPACE_ROOT, relativePath) });
    return { boundary: result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message), all: result.messages.length };
  }

  it('rejects libs/domain importing @dup/database (type:domain → type:data-access)', async () => {
    const { boundary } = await lint('libs/domain/src/__boundary-probe__.ts', '@dup/database');
    // database already depends on domain, so the rule reports the cycle it would close first.
    expect(boundary).toHaveLength(1);
    expect(boundary[0]).toMatch(/Circular dependency between "domain" and "database"/);
  });

  it('rejects libs/domain importing a util library (type:domain → type:util)', async () => {
    const { boundary } = await lint('libs/domain/src/__boundary-probe__.ts', '@dup/config');
    expect(boundary).toEqual([expect.stringContaining('A project tagged with "type:domain" can only depend on libs tagged with "type:domain"')]);
  });

  it('rejects a util library importing a data-access library (type:util → type:data-access)', async () => {
    const { boundary } = await lint('libs/platform/graphql-kit/src/__boundary-probe__.ts', '@dup/database');
    expect(boundary).toEqual([expect.stringContaining('A project tagged with "type:util" can only depend on libs tagged with "type:util", "type:domain"')]);
  });

  it('allows the same @dup/database import from a feature library (libs/plan/read)', async () => {
    expect(await lint('libs/plan/read/src/__boundary-probe__.ts', '@dup/database')).toEqual({ boundary: [], all: 0 });
  });

  it('lets only test files of a library use the testing library', async () => {
    const production = await lint('seed/src/loader/__boundary-probe__.ts', '@dup/testing');
    expect(production.boundary).toEqual([expect.stringContaining('A project tagged with "type:data" can only depend on libs tagged with')]);
    expect(await lint('seed/src/loader/__boundary-probe__.spec.ts', '@dup/testing')).toEqual({ boundary: [], all: 0 });
  });
});
