import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Ente } from '@dup/domain';
import { importSpendingExtract, SpendingExtractRejected, spendingTemplate, type TemplateFormat } from '@dup/spending-extract';

export const SPENDING_USAGE = `  spese:importa --edition CODICE --period AAAA-MM-GG --file ESTRATTO.xlsx|.csv [--ente ISTAT]
                             carica l'estratto delle spese di un periodo (tutto o niente;
                             gli stessi importi non cambiano nulla, importi diversi = nuova versione)
  spese:modello --edition CODICE --period AAAA-MM-GG [--format xlsx|csv] [--importi] [--out FILE] [--ente ISTAT]
                             scrive il modello dell'estratto (catalogo Missioni/Programmi;
                             con --importi anche gli importi attuali del periodo)`;

function parseSpendingArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        edition: { type: 'string' },
        period: { type: 'string' },
        file: { type: 'string' },
        format: { type: 'string', default: 'xlsx' },
        importi: { type: 'boolean', default: false },
        out: { type: 'string' },
        ente: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message.includes('Unknown option') ? 'Opzione sconosciuta' : 'Argomenti non validi'}.\nUso:\n${SPENDING_USAGE}`);
  }
}

async function theEnte(em: EntityManager, istat: string | undefined): Promise<Ente> {
  const entes = await em.find(Ente, istat ? { istatCode: istat } : {});
  if (entes.length === 0)
    throw new Error(istat ? `Nessun ente con codice ISTAT ${istat}.` : 'Nessun ente nel database: caricare prima un dataset (npm run db:seed).');
  if (entes.length > 1) throw new Error(`Più enti nel database: indicare --ente (${entes.map((e) => `${e.istatCode} ${e.name}`).join(', ')}).`);
  return entes[0];
}

/**
 * `spese:importa` and `spese:modello`. Returns the lines to print; a rejected extract throws
 * with every problem (row, column, message), so the operator can fix the file from the output.
 */
export async function spendingCommand(orm: MikroORM, command: 'spese:importa' | 'spese:modello', args: string[]): Promise<string[]> {
  const values = parseSpendingArgs(args);
  if (!values.edition || !values.period) throw new Error(`Indicare --edition e --period.\nUso:\n${SPENDING_USAGE}`);
  const em = orm.em.fork() as EntityManager;
  const ente = await theEnte(em, values.ente);
  if (command === 'spese:modello') {
    if (values.format !== 'xlsx' && values.format !== 'csv') throw new Error('Formato del modello: xlsx o csv.');
    const template = await spendingTemplate(em, ente.id, {
      editionCode: values.edition,
      cutoffDate: values.period,
      format: values.format as TemplateFormat,
      withFigures: values.importi!,
    });
    const target = resolve(values.out ?? template.fileName);
    await writeFile(target, template.bytes);
    return [`Modello scritto in ${target}`];
  }
  if (!values.file) throw new Error(`Indicare --file con l'estratto da caricare.\nUso:\n${SPENDING_USAGE}`);
  const bytes = await readFile(values.file);
  const operator = process.env['USER'] ?? 'operatore';
  try {
    const result = await importSpendingExtract(
      em,
      { system: { system: 'cli', enteId: ente.id }, loadedBy: `cli:${operator}` },
      {
        editionCode: values.edition,
        cutoffDate: values.period,
        fileName: basename(values.file),
        bytes,
      },
    );
    return result.outcome === 'CREATED'
      ? [`Spese caricate: versione ${result.version}, ${result.rowCount} programmi (SHA-256 ${result.sha256}).`]
      : [`Nessuna modifica: la versione ${result.version} ha già questi importi.`];
  } catch (error) {
    if (!(error instanceof SpendingExtractRejected)) throw error;
    const lines = error.problems.map(
      (p) =>
        `  ${p.row === null ? 'file' : `riga ${p.row}`}${p.column ? `, colonna ${p.column} (${p.field})` : p.field ? `, ${p.field}` : ''}: ${p.message} [${p.code}]`,
    );
    throw new Error(`${error.message}\n${lines.join('\n')}`);
  }
}
