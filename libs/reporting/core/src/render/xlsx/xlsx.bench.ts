/**
 * Timing of the Excel renderer (not a test). Compile and run from the repository root:
 *
 *   npx tsc --outDir tmp/xlsx-bench --rootDir . --module commonjs --target ES2022 --esModuleInterop \
 *     --skipLibCheck --types node libs/reporting/core/src/render/xlsx/xlsx.bench.ts
 *   node tmp/xlsx-bench/libs/reporting/core/src/render/xlsx/xlsx.bench.js [model.json] [runs]
 *
 * Renders the Livorno model and a 10× model (every table's rows repeated ten times): two warm-up
 * runs (the first, cold one is reported too), then min / median / max wall time of `renderXlsx`
 * and the file size. XLSX_BENCH_OUT / XLSX_BENCH_OUT_10X save one rendition of each.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportModel } from '../../model/report-model';
import { renderXlsx } from './render-xlsx';
import { scaleModel } from './test-fixtures/scale-model';

async function time(label: string, model: ReportModel, runs: number, out?: string): Promise<void> {
  const c0 = process.hrtime.bigint();
  await renderXlsx(model);
  const cold = Number(process.hrtime.bigint() - c0) / 1e6;
  await renderXlsx(model);
  const ms: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const buf = await renderXlsx(model);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    size = buf.length;
    if (out && i === 0) writeFileSync(out, buf);
  }
  ms.sort((a, b) => a - b);
  const rows = Object.values(model.datasets).reduce((s, t) => s + t.rows.length, 0);
  console.log(
    `${label}: ${rows} rows, ${(size / 1024).toFixed(0)} KiB; ms min ${ms[0].toFixed(0)} median ${ms[Math.floor(ms.length / 2)].toFixed(0)} max ${ms[ms.length - 1].toFixed(0)} (${runs} runs; first run ${cold.toFixed(0)})`,
  );
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? join(process.cwd(), 'libs/reporting/core/test-fixtures/livorno-2020-06-30.model.json');
  const runs = Number(process.argv[3] ?? 10);
  const model = JSON.parse(readFileSync(file, 'utf8')) as ReportModel;
  await time('Livorno', model, runs, process.env.XLSX_BENCH_OUT);
  await time('Livorno 10x', scaleModel(model, 10), Math.max(3, Math.ceil(runs / 3)), process.env.XLSX_BENCH_OUT_10X);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
