import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Ente } from '@dup/domain';
import { createEditionFrom } from '@dup/plan-write';

export const EDITION_USAGE = `  edition:create --ente ISTAT --from 2020-2022 --start 2021 [--title "Titolo"]
                             crea la nuova edizione del DUP dalla precedente (struttura e collegamenti,
                             senza stati né risultati); l'edizione precedente non cambia`;

/** `edition:create`: the same service as the createPlanEdition mutation, attributed to the CLI in the audit trail. */
export async function editionCommand(orm: MikroORM, args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { ente: { type: 'string' }, from: { type: 'string' }, start: { type: 'string' }, title: { type: 'string' } } });
  if (!values.ente || !values.from || !values.start) throw new Error(`Parametri mancanti.\n${EDITION_USAGE}`);
  const startYear = Number(values.start);
  const em = orm.em.fork();
  const ente = await em.findOne(Ente, { istatCode: values.ente });
  if (!ente) throw new Error(`Nessun ente con codice ISTAT ${values.ente}.`);
  const { edition, copied } = await createEditionFrom(em, { system: 'cli', enteId: ente.id }, { from: values.from, startYear, title: values.title });
  out(
    `Edizione ${edition.code} creata da ${values.from}: ${copied.strategicObjectives} obiettivi strategici, ${copied.operationalObjectives} operativi, ${copied.goals} finalità, ${copied.indicators} indicatori.`,
  );
}
