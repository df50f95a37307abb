import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Ente, User, UserDepartment, type Viewer } from '@dup/domain';
import { importCollectionWorkbook, loadCollectionSources, problemsOf, workbookFileName, writeCollectionWorkbook } from '@dup/exchange/collection-workbook';

export const COLLECTION_USAGE = `  raccolta:esporta --utente NOME --edition CODICE --period AAAA-MM-GG [--settore CODICE] [--out CARTELLA] [--ente ISTAT]
                             scrive la cartella Excel di raccolta di un settore (o di tutti)
  raccolta:importa --utente NOME FILE.xlsx [--ente ISTAT]
                             carica una cartella compilata (tutto o niente), a nome dell'utente`;

const out = (line: string) => process.stdout.write(`${line}\n`);

/** The command acts as a real user, with that user's role and departments, and is audited as coming from the CLI. */
async function viewerOf(em: EntityManager, username: string | undefined, istat: string | undefined): Promise<Viewer> {
  if (!username) throw new Error(`Indicare --utente: la raccolta si esegue a nome di un utente.\nUso:\n${COLLECTION_USAGE}`);
  const entes = await em.find(Ente, istat ? { istatCode: istat } : {});
  if (entes.length !== 1) throw new Error(entes.length ? 'Più enti nel database: indicare --ente.' : 'Ente non trovato.');
  const user = await em.findOne(User, { ente: entes[0], username, active: true });
  if (!user) throw new Error(`Nessun utente attivo "${username}" per ${entes[0].name}.`);
  const departments = await em.find(UserDepartment, { user });
  return {
    userId: user.id,
    enteId: entes[0].id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentIds: departments.map((d) => d.department.id),
    readOnly: false,
    via: 'cli',
  };
}

/** `raccolta:esporta` and `raccolta:importa`. */
export async function collectionCommand(orm: MikroORM, command: string, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      utente: { type: 'string' },
      edition: { type: 'string' },
      period: { type: 'string' },
      settore: { type: 'string' },
      out: { type: 'string', default: 'out' },
      ente: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const em = orm.em.fork() as EntityManager;
  const viewer = await viewerOf(em, values.utente, values.ente);
  if (command === 'raccolta:esporta') {
    if (!values.edition || !values.period) throw new Error(`Indicare --edition e --period.\nUso:\n${COLLECTION_USAGE}`);
    const sources = await loadCollectionSources(em, viewer, { editionCode: values.edition, period: values.period, departmentCode: values.settore ?? null });
    for (const source of sources) {
      const path = join(resolve(values.out!), workbookFileName(source));
      await writeFile(path, await writeCollectionWorkbook(source));
      out(`  ✓ ${path}`);
    }
    return;
  }
  if (!positionals[0]) throw new Error(`Indicare il file da caricare.\nUso:\n${COLLECTION_USAGE}`);
  try {
    const result = await importCollectionWorkbook({ em, viewer, requestId: randomUUID() }, await readFile(positionals[0]));
    out(`Cartella del settore ${result.department} al ${result.period} caricata: ${result.written} righe scritte, ${result.unchanged} invariate.`);
  } catch (error) {
    const problems = problemsOf(error);
    if (!problems.length) throw error;
    for (const p of problems) out(`  ${p.sheet ?? 'file'}${p.cell ? `!${p.cell}` : ''}${p.field ? ` (${p.field})` : ''}: ${p.message}`);
    throw error;
  }
}
