#!/usr/bin/env node
// Builds one Nx project's part of the Node service tree: every production `.ts` file under the
// project root is transpiled on its own (TypeScript's transpileModule, the same isolated-module
// emit ts-jest uses for the tests) into `dist/<projectRoot>`, and the workspace path aliases
// (`@dup/...`, tsconfig.base.json) are rewritten to relative requires.
//
// Why not one `tsc` program: a program follows imports, so it compiles every library an app
// uses, and projects' outputs would overlap. Transpiling per project gives each project its own
// output folder, so Nx caches and restores projects independently and a change in one library
// rebuilds that library only. Type errors are the `typecheck` targets' job.
//
// Usage: node tools/nx/transpile.js <projectRoot>
'use strict';
const { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');
const ts = require('typescript');

const WORKSPACE = resolve(__dirname, '../..');
const BUILD_CONFIG = join(WORKSPACE, 'tsconfig.build.json');

function fail(message) {
  process.stderr.write(`transpile: ${message}\n`);
  process.exit(1);
}

function readBuildConfig() {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')) };
  const parsed = ts.getParsedCommandLineOfConfigFile(BUILD_CONFIG, {}, host);
  if (parsed.errors.length > 0) fail(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  return parsed;
}

/** The nearest folder at or above `dir` holding a project.json: the project a file belongs to. */
const ownerCache = new Map();
function owningProject(dir) {
  if (ownerCache.has(dir)) return ownerCache.get(dir);
  const owner = existsSync(join(dir, 'project.json')) || dir === WORKSPACE ? dir : owningProject(dirname(dir));
  ownerCache.set(dir, owner);
  return owner;
}

/** `@dup/x` -> absolute path of the output file its tsconfig path points to. */
function aliasTargets(options) {
  const targets = new Map();
  for (const [alias, [target]] of Object.entries(options.paths ?? {})) {
    if (alias.includes('*')) fail(`wildcard path alias ${alias} is not supported`);
    const source = resolve(options.baseUrl ?? WORKSPACE, target);
    targets.set(alias, outputOf(source, options));
  }
  return targets;
}

function outputOf(source, options) {
  return join(options.outDir, relative(options.rootDir ?? WORKSPACE, source)).replace(/\.tsx?$/, '.js');
}

function rewriteAliases(code, outFile, targets) {
  return code.replace(/require\("(@dup\/[^"]+)"\)/g, (whole, alias) => {
    const target = targets.get(alias);
    if (!target) fail(`${outFile}: no tsconfig path for ${alias}`);
    let path = relative(dirname(outFile), target).replace(/\.js$/, '').split(sep).join('/');
    if (!path.startsWith('.')) path = `./${path}`;
    return `require("${path}")`;
  });
}

/** Output files of an earlier build that no longer have a source (nested projects left alone). */
function removeStale(dir, keep, options) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const source = join(options.rootDir ?? WORKSPACE, relative(options.outDir, path));
      if (existsSync(join(source, 'project.json'))) continue;
      removeStale(path, keep, options);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (!keep.has(path)) {
      rmSync(path);
    }
  }
}

function main() {
  const projectRoot = process.argv[2];
  if (!projectRoot) fail('usage: node tools/nx/transpile.js <projectRoot>');
  const root = resolve(WORKSPACE, projectRoot);
  const { options, fileNames } = readBuildConfig();
  const compilerOptions = { ...options, noEmit: false, declaration: false, composite: false, incremental: false };
  delete compilerOptions.tsBuildInfoFile;
  const targets = aliasTargets(options);
  const written = new Set();
  for (const file of fileNames) {
    if (!file.startsWith(root + sep) || owningProject(dirname(file)) !== root) continue;
    const outFile = outputOf(file, options);
    const { outputText, sourceMapText, diagnostics } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions,
      fileName: file,
      reportDiagnostics: true,
    });
    if (diagnostics?.length)
      fail(ts.formatDiagnostics(diagnostics, { ...ts.sys, getCanonicalFileName: (f) => f, getNewLine: () => '\n', getCurrentDirectory: () => WORKSPACE }));
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, rewriteAliases(outputText, outFile, targets));
    written.add(outFile);
    if (sourceMapText) {
      const map = JSON.parse(sourceMapText);
      map.sources = [relative(dirname(outFile), file).split(sep).join('/')];
      writeFileSync(`${outFile}.map`, JSON.stringify(map));
      written.add(`${outFile}.map`);
    }
  }
  removeStale(join(options.outDir, relative(options.rootDir ?? WORKSPACE, root)), written, options);
  process.stdout.write(`${projectRoot}: ${written.size} files in ${relative(WORKSPACE, options.outDir)}/${projectRoot}\n`);
}

main();
