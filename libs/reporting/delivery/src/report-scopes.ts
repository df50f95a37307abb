import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '@dup/domain';
import { DomainError } from '@dup/graphql-kit';
import type { ReportScope } from '@dup/reporting';
import { ownDepartmentCodes, reportRefusal, type ReportPeriod } from './report-access';
import { scopeParam } from './report-request';

/** A scope a report can be downloaded for, as the documents screen offers it. */
export interface DescribedScope {
  scope: ReportScope;
  /** As written in URLs: "completo", "linea-3", "settore-AMB_MOB". */
  ambito: string;
  /** Italian, e.g. "Documento completo", "Linea 3 — Coesione sociale", "Settore Ambiente e mobilità". */
  label: string;
  lineNumber: number | null;
  lineTitle: string | null;
  departmentCode: string | null;
  departmentName: string | null;
}

const FULL_LABEL = 'Documento completo';

/** A mandate line is named as the report names it: its sentence-case title when there is one. */
const lineTitle = (line: { title: string; alternate_titles: string[] | null }) => line.alternate_titles?.[0] ?? line.title;

const described = (scope: ReportScope, label: string, extra: Partial<DescribedScope> = {}): DescribedScope => ({
  scope,
  ambito: scopeParam(scope),
  label,
  lineNumber: null,
  lineTitle: null,
  departmentCode: null,
  departmentName: null,
  ...extra,
});

const lineScope = (line: { number: number; title: string; alternate_titles: string[] | null }) =>
  described({ kind: 'mandateLine', lineNumber: line.number }, `Linea ${line.number} — ${lineTitle(line)}`, { lineNumber: line.number, lineTitle: lineTitle(line) });

const departmentScope = (d: { code: string; name: string }) =>
  described({ kind: 'department', departmentCode: d.code }, `Settore ${d.name}`, { departmentCode: d.code, departmentName: d.name });

/** The label of one scope; an unknown line or department is NOT_FOUND (at most one statement). */
export async function describeScope(em: EntityManager, enteId: string, period: ReportPeriod, scope: ReportScope): Promise<DescribedScope> {
  const connection = em.getConnection();
  switch (scope.kind) {
    case 'full':
      return described(scope, FULL_LABEL);
    case 'mandateLine': {
      const [line] = await connection.execute<{ number: number; title: string; alternate_titles: string[] | null }[]>(
        'select number, title, alternate_titles from mandate_line where mandate_id = ? and number = ?',
        [period.mandateId, scope.lineNumber],
      );
      if (!line) throw new DomainError('NOT_FOUND', `La linea di mandato ${scope.lineNumber} non esiste in questa edizione.`, { field: 'scope' });
      return lineScope(line);
    }
    case 'department': {
      const [department] = await connection.execute<{ code: string; name: string }[]>('select code, name from department where ente_id = ? and code = ?', [
        enteId,
        scope.departmentCode,
      ]);
      if (!department) throw new DomainError('NOT_FOUND', `Il settore ${scope.departmentCode} non esiste.`, { field: 'scope' });
      return departmentScope(department);
    }
  }
}

/**
 * The scopes of a period's report the viewer may download, with the rules of report-access.ts:
 * the complete document, each mandate line with strategic objectives in the edition, each
 * department listed on a goal of the edition (for a department head, only their own).
 */
export async function downloadableScopes(em: EntityManager, viewer: Viewer, period: ReportPeriod): Promise<DescribedScope[]> {
  const connection = em.getConnection();
  const [own, lines, departments] = await Promise.all([
    ownDepartmentCodes(em, viewer),
    connection.execute<{ number: number; title: string; alternate_titles: string[] | null }[]>(
      `select ml.number, ml.title, ml.alternate_titles from mandate_line ml
       where ml.mandate_id = ? and exists (select 1 from strategic_objective so where so.line_id = ml.id and so.edition_id = ?)
       order by ml.number`,
      [period.mandateId, period.editionId],
    ),
    connection.execute<{ code: string; name: string }[]>(
      `select d.code, d.name from department d
       where exists (select 1 from goal_department gd join goal g on g.id = gd.goal_id join operational_objective o on o.id = g.objective_id
                     where gd.department_id = d.id and o.edition_id = ?)
       order by d.name`,
      [period.editionId],
    ),
  ]);
  const candidates = [described({ kind: 'full' }, FULL_LABEL), ...lines.map(lineScope), ...departments.map(departmentScope)];
  return candidates.filter((c) => reportRefusal(viewer, period, c.scope, own) === null);
}

/**
 * When the period's reported data last changed: the latest write of its goal statuses,
 * contributions and indicator results (null when it has none).
 */
export async function periodDataUpdatedAt(em: EntityManager, periodId: string): Promise<Date | null> {
  const [row] = await em.getConnection().execute<{ at: Date | null }[]>(
    `select greatest((select max(updated_at) from goal_status where period_id = ?),
                     (select max(updated_at) from goal_contribution where period_id = ?),
                     (select max(updated_at) from indicator_result where period_id = ?)) as at`,
    [periodId, periodId, periodId],
  );
  return row?.at ? new Date(row.at) : null;
}
