// Runs the tests of every project in one jest process: `npx jest path/to/file.spec.ts` picks the
// right project's config. `npm test` runs them per project through Nx instead (nx run <project>:test).
// The projects are the folders with a project.json and a jest.config.js, found here, so a new
// library needs no entry.
const { existsSync, readdirSync } = require('node:fs');
const { join, relative } = require('node:path');

const SKIPPED = new Set(['node_modules', 'dist', 'tmp', 'coverage', '.nx', '.data', '.git']);

function findJestProjects(dir) {
  const found = dir !== __dirname && existsSync(join(dir, 'project.json')) && existsSync(join(dir, 'jest.config.js')) ? [dir] : [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith('.')) found.push(...findJestProjects(join(dir, entry.name)));
  }
  return found;
}

module.exports = {
  // Global options are not read from project configs in a multi-project run.
  testTimeout: 120000,
  projects: findJestProjects(__dirname).map((dir) => `<rootDir>/${relative(__dirname, dir)}`),
};
