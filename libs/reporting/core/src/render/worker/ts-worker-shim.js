// Worker entry used only when the pool runs from TypeScript sources (ts-jest, scripts run from
// .ts): a worker thread has no TypeScript loader, so this registers a minimal one (TypeScript's
// own transpileModule, CommonJS output, no type checking) before loading the real worker module
// named in workerData. The built application (dist/) loads the compiled worker directly.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const { workerData } = require('node:worker_threads');
const ts = require('typescript');

if (!Module._extensions['.ts']) {
  Module._extensions['.ts'] = function loadTs(module, filename) {
    const source = fs.readFileSync(filename, 'utf8');
    const out = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        sourceMap: false,
        inlineSourceMap: false,
      },
    });
    module._compile(out.outputText, filename);
  };
}

module.exports = require(workerData.dupWorkerModule);
