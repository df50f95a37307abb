import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Ente } from '@dup/domain';
import { scopePlan } from '@dup/reporting';
import { createReportJobRunner, loadReportSource, parseFormat, parsePeriod, parseScope } from '@dup/reporting-delivery';

export const REPORT_USAGE = `  report --edition CODICE --period AAAA-MM-GG [--format pdf,xlsx,html] [--out CARTELLA]
         [--ambito completo|linea-N|settore-CODICE] [--ente ISTAT]
                             genera il rapporto sullo stato di attuazione`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('it-IT', { maximumFractionDigits: 2 })} MB`;

/** Node's own argument errors are in English: they are reported in Italian, with the usage. */
function parseReportArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        edition: { type: 'string' },
        period: { type: 'string' },
        format: { type: 'string', default: 'pdf,xlsx,html' },
        out: { type: 'string', default: 'out' },
        ambito: { type: 'string', default: 'completo' },
        ente: { type: 'string' },
      },
      strict: true,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const detail = /'([^' ]+)/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`Opzione sconosciuta: ${detail ?? ''}.\nUso:\n${REPORT_USAGE}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new Error(`Manca il valore dell'opzione ${detail ?? ''}.\nUso:\n${REPORT_USAGE}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new Error(`Argomento non previsto: ${detail ?? ''}.\nUso:\n${REPORT_USAGE}`);
    throw error;
  }
}

/** `report`: builds the status report and writes one file per format, printing progress. */
export async function reportCommand(orm: MikroORM, args: string[]): Promise<void> {
  const { values } = parseReportArgs(args);
  if (!values.edition || !values.period) throw new Error(`Indicare --edition e --period.\nUso:\n${REPORT_USAGE}`);
  const period = parsePeriod(values.period);
  const formats = [...new Set(values.format!.split(',').map((f) => parseFormat(f)))];
  const scope = parseScope(values.ambito);
  const em = orm.em.fork() as EntityManager;
  const entes = await em.find(Ente, values.ente ? { istatCode: values.ente } : {});
  if (entes.length === 0) throw new Error(values.ente ? `Nessun ente con codice ISTAT ${values.ente}.` : 'Nessun ente nel database: caricare prima un dataset (npm run db:seed).');
  if (entes.length > 1) throw new Error(`Più enti nel database: indicare --ente (${entes.map((e) => `${e.istatCode} ${e.name}`).join(', ')}).`);

  const started = performance.now();
  out(`Lettura dei dati: ${entes[0].name}, DUP ${values.edition}, periodo ${period}…`);
  const source = await loadReportSource(em, { enteId: entes[0].id, editionCode: values.edition, period, scope });
  // An unknown mandate line or department is refused before anything is written.
  scopePlan(source);
  out(`  dati letti in ${Math.round(performance.now() - started)} ms`);
  const dir = resolve(values.out!);
  await mkdir(dir, { recursive: true });
  // One report per process: rendered parts are not kept for a next one.
  const runner = createReportJobRunner({ maxThreads: Math.min(formats.length, 2), pdfPartCacheMb: 0 });
  try {
    await Promise.all(
      formats.map(async (format) => {
        out(`Generazione ${format.toUpperCase()}…`);
        const report = await runner.run({ source, format });
        const path = join(dir, report.fileName);
        await writeFile(path, report.bytes);
        const pages = report.pageCount !== null ? `, ${report.pageCount} pagine` : '';
        out(`  ✓ ${path} (${mb(report.bytes.length)}${pages}; modello ${Math.round(report.buildMs)} ms, resa ${Math.round(report.renderMs)} ms)`);
      }),
    );
  } finally {
    await runner.close();
  }
  out(`Rapporto generato in ${Math.round(performance.now() - started)} ms.`);
}
