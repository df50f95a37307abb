import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Ente } from '@dup/domain';
import { createReportJobRunner, FrozenReports, findReportPeriod, loadReportSource, parsePeriod, type ReportJobRunner } from '@dup/reporting-delivery';

export const FROZEN_USAGE = `  report:verify FILE [--ente ISTAT]
                             dice se il file è un rapporto approvato dell'ente, e quale
  report:package --edition CODICE --period AAAA-MM-GG [--revisione N] [--out CARTELLA] [--ente ISTAT]
                             scrive il pacchetto per Amministrazione trasparente di un periodo approvato`;

const out = (line: string) => process.stdout.write(`${line}\n`);

async function theEnte(em: EntityManager, istat: string | undefined): Promise<Ente> {
  const entes = await em.find(Ente, istat ? { istatCode: istat } : {});
  if (entes.length === 0)
    throw new Error(istat ? `Nessun ente con codice ISTAT ${istat}.` : 'Nessun ente nel database: caricare prima un dataset (npm run db:seed).');
  if (entes.length > 1) throw new Error(`Più enti nel database: indicare --ente (${entes.map((e) => `${e.istatCode} ${e.name}`).join(', ')}).`);
  return entes[0];
}

/** Frozen reports as the API keeps them; a report not frozen yet is rendered here, once. */
function frozenReports(runner: () => ReportJobRunner): FrozenReports {
  return new FrozenReports(async (em, enteId, request) => runner().run({ source: await loadReportSource(em, { enteId, ...request }), format: request.format }));
}

async function withFrozen<T>(fn: (frozen: FrozenReports) => Promise<T>): Promise<T> {
  let runner: ReportJobRunner | undefined;
  try {
    return await fn(frozenReports(() => (runner ??= createReportJobRunner({ maxThreads: 1, pdfPartCacheMb: 0 }))));
  } finally {
    await runner?.close();
  }
}

/** `report:verify FILE`: exit code 0 when the file is an approved report of the ente, 2 when not. */
export async function verifyCommand(orm: MikroORM, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { ente: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new Error(`Indicare un file da verificare.\nUso:\n${FROZEN_USAGE}`);
  const bytes = await readFile(positionals[0]);
  const em = orm.em.fork() as EntityManager;
  const ente = await theEnte(em, values.ente);
  const result = await withFrozen((frozen) => frozen.verify(em, ente.id, bytes));
  out(result.message);
  return result.valid ? 0 : 2;
}

/** `report:package`: the frozen transparency package of an approved period, written to a folder. */
export async function packageCommand(orm: MikroORM, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      edition: { type: 'string' },
      period: { type: 'string' },
      revisione: { type: 'string' },
      out: { type: 'string', default: 'out' },
      ente: { type: 'string' },
    },
    strict: true,
  });
  if (!values.edition || !values.period) throw new Error(`Indicare --edition e --period.\nUso:\n${FROZEN_USAGE}`);
  const period = parsePeriod(values.period);
  const revision = values.revisione === undefined ? undefined : Number(values.revisione);
  if (revision !== undefined && !(Number.isInteger(revision) && revision > 0)) throw new Error('Revisione non valida: indicare un numero intero positivo.');
  const em = orm.em.fork() as EntityManager;
  const ente = await theEnte(em, values.ente);
  const reportPeriod = await findReportPeriod(em, ente.id, values.edition, period);
  const file = await withFrozen((frozen) =>
    frozen.forRequest(em, ente.id, reportPeriod, { editionCode: values.edition!, period, scope: { kind: 'full' }, format: 'zip', revision }),
  );
  const dir = resolve(values.out!);
  await mkdir(dir, { recursive: true });
  const path = join(dir, file!.fileName);
  await writeFile(path, file!.bytes);
  out(`✓ ${path} (revisione ${file!.revision}, SHA-256 ${file!.sha256})`);
}
