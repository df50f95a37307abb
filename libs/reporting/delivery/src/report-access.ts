import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';
import { PeriodState, Role, STATES_VISIBLE_TO_COUNCIL, type Viewer } from '@dup/domain';
import { DomainError } from '@dup/graphql-kit';
import type { ReportScope } from '@dup/reporting';

/** The reporting period a report is about, as the access rules and the documents list need it. */
export interface ReportPeriod {
  id: string;
  cutoffDate: string;
  state: PeriodState;
  editionId: string;
  mandateId: string;
  /** The period's current revision (one more at each reopening). */
  revision: number;
  /** The council act of the current revision, once approved. */
  approvedById: string | null;
}

/** The period of an edition of the viewer's ente, or NOT_FOUND (one statement). */
export async function findReportPeriod(em: EntityManager, enteId: string, editionCode: string, period: string): Promise<ReportPeriod> {
  const row = await em.findOne(
    E.ReportingPeriod,
    { ente: enteId, cutoffDate: period, edition: { code: editionCode } },
    { fields: ['state', 'cutoffDate', 'revision', 'approvedBy', 'edition.mandate'], populate: ['edition'] },
  );
  if (!row) throw new DomainError('NOT_FOUND', `Nessun periodo ${period} per l'edizione "${editionCode}" del DUP.`, { field: 'period' });
  const edition = row.edition.getEntity();
  return {
    id: row.id,
    cutoffDate: row.cutoffDate,
    state: row.state,
    editionId: edition.id,
    mandateId: edition.mandate.id,
    revision: row.revision,
    approvedById: row.approvedBy?.id ?? null,
  };
}

/** A draft is a report the Giunta has not yet taken note of: its content may still change. */
export const isDraftPeriod = (state: PeriodState): boolean => !(STATES_VISIBLE_TO_COUNCIL as readonly string[]).includes(state);

/** Codes of the departments a department head answers for (none for other roles, no statement). */
export async function ownDepartmentCodes(em: EntityManager, viewer: Viewer): Promise<string[]> {
  if (viewer.role !== Role.DEPARTMENT_HEAD || viewer.departmentIds.length === 0) return [];
  const own = await em.find(E.Department, { id: { $in: [...viewer.departmentIds] }, ente: viewer.enteId }, { fields: ['code'] });
  return own.map((d) => d.code);
}

/**
 * Who may download which report (see docs/authorization.md), as a pure rule; null when allowed:
 * - planning office, auditors and administrators: every report, drafts included;
 * - council members: every report of a period the Giunta has taken note of;
 * - department heads: the report of their own departments' goals, drafts included.
 */
export function reportRefusal(
  viewer: Viewer,
  period: Pick<ReportPeriod, 'cutoffDate' | 'state'>,
  scope: ReportScope,
  ownCodes: readonly string[],
): DomainError | null {
  if (viewer.role === Role.DEPARTMENT_HEAD) {
    if (scope.kind !== 'department') {
      return new DomainError('FORBIDDEN', 'I dirigenti possono scaricare il rapporto delle finalità dei propri settori (ambito "settore-CODICE").', {
        field: 'scope',
      });
    }
    if (!ownCodes.includes(scope.departmentCode)) {
      return new DomainError('FORBIDDEN', `Il settore ${scope.departmentCode} non è tra quelli assegnati all'utente.`, { field: 'scope' });
    }
    return null;
  }
  if (viewer.role === Role.COUNCIL_MEMBER && isDraftPeriod(period.state)) {
    return new DomainError('FORBIDDEN', "Lo stato di attuazione di questo periodo non è ancora stato preso d'atto dalla Giunta.", {
      period: period.cutoffDate,
    });
  }
  return null;
}

/** Checks the viewer may read the report and returns its period; FORBIDDEN / NOT_FOUND otherwise. */
export async function authorizeReport(em: EntityManager, viewer: Viewer, editionCode: string, period: string, scope: ReportScope): Promise<ReportPeriod> {
  const row = await findReportPeriod(em, viewer.enteId, editionCode, period);
  const refusal = reportRefusal(viewer, row, scope, await ownDepartmentCodes(em, viewer));
  if (refusal) throw refusal;
  return row;
}
