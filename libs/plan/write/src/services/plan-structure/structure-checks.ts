import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Amendment,
  Department,
  inForceAt,
  Mission,
  OperationalObjective,
  PlanRuleViolation,
  PoliticalOwner,
  Programme,
  StrategicObjective,
  type Viewer,
} from '@dup/domain';
import { checkId, DomainError, notFound } from '@dup/graphql-kit';
import { italianDate } from '../write-context';

/*
 * The checks every structure edit shares: codes, references to the catalogue and to the
 * ente's departments and owners, and the effective-dated state of the objectives touched.
 * Each failure is an Italian message with a stable code, raised before anything is written.
 */

export const STRATEGIC_CODE = /^[0-9]+\.[0-9]{2}$/;
export const OPERATIONAL_CODE = /^[0-9]+\.[0-9]{2}\.[0-9]{2}$/;

export function assertCodeFormat(code: string, level: 'strategic' | 'operational', field = 'code'): void {
  const [pattern, example, what] = level === 'strategic' ? [STRATEGIC_CODE, '1.06', 'strategico'] : [OPERATIONAL_CODE, '1.06.01', 'operativo'];
  if (!pattern.test(code)) {
    throw new DomainError(
      'INVALID_CODE',
      `Codice "${code}" non valido: il codice di un obiettivo ${what} ha la forma ${level === 'strategic' ? 'N.NN' : 'N.NN.NN'} (es. ${example}).`,
      { field },
    );
  }
}

/** The plan rules of libs/domain (code under its parent, one lead, years in the edition) as API errors. */
export function asApiError<T>(run: () => T, field: string): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PlanRuleViolation)) throw error;
    const code = error.code.endsWith('_CODE_MISMATCH') ? 'INVALID_CODE' : 'BAD_USER_INPUT';
    throw new DomainError(code, error.message.replace(/ \(.*\) \[.*\]$/, '') + '.', { field, rule: error.code });
  }
}

/** The amendment of the viewer's ente the edit is tied to, with its edition and act. */
export async function loadAmendment(tx: EntityManager, viewer: Viewer, amendmentId: string): Promise<Amendment> {
  checkId(amendmentId, 'Variazione');
  const amendment = await tx.findOne(Amendment, { id: amendmentId, ente: viewer.enteId }, { populate: ['edition', 'act'] });
  if (!amendment) throw notFound('Variazione', amendmentId);
  return amendment;
}

const retiredMessage = (what: string, code: string, retiredBy: Amendment) =>
  `L'obiettivo ${what} ${code} è stato soppresso con effetto dal ${italianDate(retiredBy.effectiveDate)}: non si può modificare né usare come riferimento.`;

/** An objective retired on or before the amendment's date is history: nothing is added to it or changed in it. */
export function assertNotRetired(objective: StrategicObjective | OperationalObjective, at: Amendment, field: string): void {
  const retiredBy = objective.retiredBy?.getEntity();
  if (retiredBy && !inForceAt({ introducedBy: null, retiredBy }, at.effectiveDate)) {
    const what = objective instanceof StrategicObjective ? 'strategico' : 'operativo';
    throw new DomainError('OBJECTIVE_RETIRED', retiredMessage(what, objective.code, retiredBy), { field, objectiveCode: objective.code });
  }
}

export async function findStrategic(tx: EntityManager, amendment: Amendment, code: string, field = 'strategicCode'): Promise<StrategicObjective> {
  assertCodeFormat(code, 'strategic', field);
  const found = await tx.findOne(StrategicObjective, { edition: amendment.edition, code }, { populate: ['line', 'retiredBy', 'introducedBy'] });
  if (!found) throw notFound('Obiettivo strategico', `${code} (edizione ${amendment.edition.getEntity().code})`);
  return found;
}

export async function findOperational(tx: EntityManager, amendment: Amendment, code: string, field = 'code'): Promise<OperationalObjective> {
  assertCodeFormat(code, 'operational', field);
  const found = await tx.findOne(
    OperationalObjective,
    { edition: amendment.edition, code },
    { populate: ['strategicObjective.retiredBy', 'retiredBy', 'introducedBy'] },
  );
  if (!found) throw notFound('Obiettivo operativo', `${code} (edizione ${amendment.edition.getEntity().code})`);
  return found;
}

export async function assertCodeFree(
  tx: EntityManager,
  entity: typeof StrategicObjective | typeof OperationalObjective,
  amendment: Amendment,
  code: string,
): Promise<void> {
  if (await tx.count(entity as typeof StrategicObjective, { edition: amendment.edition, code })) {
    const what = entity === StrategicObjective ? 'strategico' : 'operativo';
    throw new DomainError('DUPLICATE_CODE', `Esiste già un obiettivo ${what} con codice ${code} nell'edizione ${amendment.edition.getEntity().code}.`, {
      field: 'code',
      objectiveCode: code,
    });
  }
}

/** Programmes by `MM.PP` code, in the order given; unknown codes are listed in one error. */
export async function findProgrammes(tx: EntityManager, codes: readonly string[]): Promise<Programme[]> {
  const found = new Map((await tx.find(Programme, { id: { $in: [...codes] } })).map((p) => [p.id, p]));
  const unknown = codes.filter((c) => !found.has(c));
  if (unknown.length) {
    throw new DomainError('UNKNOWN_PROGRAMME', `Programma di bilancio sconosciuto: ${unknown.join(', ')} (atteso il codice Missione.Programma, es. 01.06).`, {
      field: 'programmeCodes',
      codes: unknown,
    });
  }
  return codes.map((c) => found.get(c)!);
}

export async function findMissions(tx: EntityManager, codes: readonly string[]): Promise<Mission[]> {
  const found = new Map((await tx.find(Mission, { code: { $in: [...codes] } })).map((m) => [m.code, m]));
  const unknown = codes.filter((c) => !found.has(c));
  if (unknown.length)
    throw new DomainError('UNKNOWN_MISSION', `Missione di bilancio sconosciuta: ${unknown.join(', ')} (atteso il codice a due cifre, es. 01).`, {
      field: 'missionCodes',
      codes: unknown,
    });
  return codes.map((c) => found.get(c)!);
}

export async function findDepartments(tx: EntityManager, viewer: Viewer, codes: readonly string[]): Promise<Map<string, Department>> {
  const found = new Map((await tx.find(Department, { ente: viewer.enteId, code: { $in: [...codes] } })).map((d) => [d.code, d]));
  const unknown = [...new Set(codes)].filter((c) => !found.has(c));
  if (unknown.length) throw new DomainError('UNKNOWN_DEPARTMENT', `Settore sconosciuto: ${unknown.join(', ')}.`, { field: 'departments', codes: unknown });
  return found;
}

export async function findOwners(tx: EntityManager, viewer: Viewer, ids: readonly string[]): Promise<PoliticalOwner[]> {
  for (const id of ids) checkId(id, 'Responsabile politico');
  const found = new Map((await tx.find(PoliticalOwner, { ente: viewer.enteId, id: { $in: [...ids] } })).map((o) => [o.id, o]));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length) throw new DomainError('UNKNOWN_OWNER', `Responsabile politico sconosciuto: ${unknown.join(', ')}.`, { field: 'ownerIds', ids: unknown });
  return ids.map((id) => found.get(id)!);
}

/** Repeated entries in an ordered list (programmes, missions, owners) are a mistake, not a no-op. */
export function assertDistinct(values: readonly string[], field: string, what: string): void {
  const repeated = values.filter((v, i) => values.indexOf(v) !== i);
  if (repeated.length) throw new DomainError('BAD_USER_INPUT', `${what} indicato più volte: ${[...new Set(repeated)].join(', ')}.`, { field });
}
