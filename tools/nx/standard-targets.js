// Nx plugin (nx.json "plugins"): gives every project that has a project.json the workspace's
// standard targets, so a new library needs no target configuration of its own.
//
//   build      transpile the project's production sources into dist/<projectRoot>, after the
//              projects it depends on (^build): an app's build yields the whole runnable tree.
//   typecheck  tsc over the project's files, specs included (follows imports into its libraries).
//   lint       eslint over the project's folder (module boundaries included).
//   test       jest with the project's jest.config.js (only when there is one).
//
// Only the commands are here. Caching, inputs, outputs, dependsOn and parallelism are in nx.json
// `targetDefaults`, which Nx applies to every target of that name, inferred or written in a
// project.json: a project.json that spells out its own command (apps/web builds with Vite)
// replaces the inferred target but still follows the same policy.
'use strict';
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** The command of each standard target; when and on what they run is in nx.json targetDefaults. */
function standardTargets(root, workspaceRoot) {
  const run = (command, description) => ({ executor: 'nx:run-commands', options: { command }, metadata: { description } });
  const targets = {
    build: run(`node tools/nx/transpile.js ${root}`, `Transpile ${root} into dist/${root} (types: see typecheck)`),
    typecheck: run(`node tools/nx/typecheck.js ${root}`, `Type-check ${root}, specs included`),
    lint: run(`eslint ${root}`, `Lint ${root}, module boundaries included`),
  };
  if (existsSync(join(workspaceRoot, root, 'jest.config.js'))) {
    targets.test = run(`jest -c ${root}/jest.config.js --passWithNoTests`, `Run the tests of ${root}`);
  }
  return targets;
}

/** @type {import('nx/src/project-graph/plugins').CreateNodes} */
const createNodes = [
  '**/project.json',
  (projectFiles, _options, context) =>
    projectFiles
      .filter((file) => file !== 'project.json')
      .map((file) => {
        const root = dirname(file);
        return [file, { projects: { [root]: { targets: standardTargets(root, context.workspaceRoot) } } }];
      }),
];

module.exports = { name: 'dup-standard-targets', createNodes };
