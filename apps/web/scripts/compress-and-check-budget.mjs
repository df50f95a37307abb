// After `vite build`: writes .gz and .br beside every text asset (the API serves them to browsers
// that accept them), then checks the JavaScript the first screen needs against its budget.
//
// The first screen's JavaScript is the entry chunk plus every chunk it imports statically, as
// listed in Vite's manifest; lazily loaded screens are not part of it.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: compress-and-check-budget.mjs <build dir>');

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.map', '.txt']);
function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
for (const path of files(outDir)) {
  if (!COMPRESSIBLE.has(extname(path)) || path.endsWith('.map')) continue;
  const bytes = readFileSync(path);
  if (bytes.length < 1024) continue;
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(Object.keys(manifest).find((key) => manifest[key] === entry));
let total = 0;
const rows = [];
for (const file of initial) {
  const gz = gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  total += gz;
  rows.push(`  ${file}: ${(gz / 1024).toFixed(1)} KB gzip`);
}
const summary = `JavaScript of the first screen: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB), ${initial.size} file(s)`;
writeFileSync(join(outDir, '.vite/first-screen-budget.json'), JSON.stringify({ files: [...initial], gzipBytes: total, budgetBytes: BUDGET_BYTES }, null, 2));
if (total > BUDGET_BYTES) {
  console.error(`${summary}\n${rows.join('\n')}\nOVER BUDGET: split the first screen's code or drop a dependency.`);
  process.exit(1);
}
console.log(summary);
