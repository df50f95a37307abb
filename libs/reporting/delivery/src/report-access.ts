import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';
import { Role, STATES_VISIBLE_TO_COUNCIL, type Viewer } from '@dup/domain';
import { DomainError } from '@dup/graphql-kit';
import type { ReportScope } from '@dup/reporting';

/**
 * Who may download which report (see docs/authorization.md):
 * - planning office, auditors and administrators: every report, drafts included;
 * - council members: every report of a period the Giunta has taken note of;
 * - department heads: the report of their own departments' goals, drafts included.
 */
export async function authorizeReport(em: EntityManager, viewer: Viewer, editionCode: string, period: string, scope: ReportScope): Promise<void> {
  const row = await em.findOne(E.ReportingPeriod, { ente: viewer.enteId, cutoffDate: period, edition: { code: editionCode } }, { fields: ['state'] });
  if (!row) throw new DomainError('NOT_FOUND', `Nessun periodo ${period} per l'edizione "${editionCode}" del DUP.`, { field: 'period' });
  if (viewer.role === Role.DEPARTMENT_HEAD) {
    if (scope.kind !== 'department') {
      throw new DomainError('FORBIDDEN', 'I dirigenti possono scaricare il rapporto delle finalità dei propri settori (ambito "settore-CODICE").', { field: 'scope' });
    }
    const own = await em.find(E.Department, { id: { $in: [...viewer.departmentIds] }, ente: viewer.enteId }, { fields: ['code'] });
    if (!own.some((d) => d.code === scope.departmentCode)) {
      throw new DomainError('FORBIDDEN', `Il settore ${scope.departmentCode} non è tra quelli assegnati all'utente.`, { field: 'scope' });
    }
    return;
  }
  if (viewer.role === Role.COUNCIL_MEMBER) {
    if (!(STATES_VISIBLE_TO_COUNCIL as readonly string[]).includes(row.state)) {
      throw new DomainError('FORBIDDEN', "Lo stato di attuazione di questo periodo non è ancora stato preso d'atto dalla Giunta.", { period });
    }
  }
}
