#!/usr/bin/env node
// Type-checks one Nx project: its `.ts` files, specs included, with the workspace's compiler
// options (tsconfig.json). TypeScript follows imports into the libraries the project uses, so a
// library's API change that breaks a dependent fails the dependent's check. A generated tsconfig
// under tmp/typecheck keeps projects free of per-project TypeScript configuration; tsc's
// incremental file there makes a re-check after a small change fast. A project that needs other
// compiler options (apps/web-e2e: the DOM) has its own tsconfig.json, which is extended instead.
//
// Usage: node tools/nx/typecheck.js <projectRoot>
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');

const WORKSPACE = resolve(__dirname, '../..');

/** The project's folders to include: everything except nested projects and build/tool output. */
function hasTypeScript(dir, root) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (['node_modules', 'dist', 'tmp', '.nx'].includes(entry.name)) continue;
      const sub = join(dir, entry.name);
      if (sub !== root && existsSync(join(sub, 'project.json'))) continue;
      if (hasTypeScript(sub, root)) return true;
    } else if (entry.name.endsWith('.ts')) {
      return true;
    }
  }
  return false;
}

function main() {
  const projectRoot = process.argv[2];
  if (!projectRoot) throw new Error('usage: node tools/nx/typecheck.js <projectRoot>');
  const root = resolve(WORKSPACE, projectRoot);
  if (!hasTypeScript(root, root)) {
    process.stdout.write(`${projectRoot}: no TypeScript files\n`);
    return;
  }
  const configDir = join(WORKSPACE, 'tmp/typecheck', projectRoot);
  mkdirSync(configDir, { recursive: true });
  const configFile = join(configDir, 'tsconfig.json');
  const fromConfig = (path) => relative(configDir, path).split('\\').join('/');
  writeFileSync(
    configFile,
    JSON.stringify(
      {
        extends: fromConfig(existsSync(join(root, 'tsconfig.json')) ? join(root, 'tsconfig.json') : join(WORKSPACE, 'tsconfig.json')),
        compilerOptions: { incremental: true, tsBuildInfoFile: './tsconfig.tsbuildinfo' },
        include: [`${fromConfig(root)}/**/*.ts`],
        exclude: ['node_modules', 'dist', 'tmp'].map((d) => `${fromConfig(root)}/**/${d}/**`),
      },
      null,
      2,
    ),
  );
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', configFile, '--pretty'], { stdio: 'inherit', cwd: WORKSPACE });
  process.exitCode = result.status ?? 1;
}

main();
