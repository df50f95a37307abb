import type { EntityManager } from '@mikro-orm/postgresql';
import { Department, Ente, GoalContribution, PlanEdition, ReportingPeriod, Role, type Viewer } from '@dup/domain';
import { DomainError, notFound } from '@dup/graphql-kit';
import { cachedEditionTree, editionIndex, readPlanDataVersions, type PlanTypes } from '@dup/plan-read';
import { assertPeriodWritable, departmentGoalItems, departmentWorkloads, type DepartmentWorkload } from '@dup/plan-write';
import { italianDate } from './workbook-format';

export interface LeadGoalRow {
  goalId: string;
  objectiveCode: string;
  position: number;
  title: string;
  /** The narrative of the last period before this one, with its state: what the department wrote last time. */
  previous: string | null;
  current: PlanTypes.GoalStatusType | null;
}

export interface InvolvedGoalRow {
  goalId: string;
  objectiveCode: string;
  position: number;
  title: string;
  leadName: string;
  current: { text: string; version: number } | null;
}

export interface IndicatorRow {
  indicatorId: string;
  objectiveCode: string;
  name: string;
  unit: string | null;
  target: string;
  previous: string | null;
  current: PlanTypes.IndicatorResultType | null;
}

/** Everything one department's workbook shows, as plain data: the writer never touches the database. */
export interface CollectionSource {
  ente: { id: string; name: string };
  edition: { id: string; code: string; title: string };
  period: { id: string; cutoffDate: string };
  department: { id: string; code: string; name: string };
  /** Return date printed on the cover: 31 days after the cut-off. */
  deadline: string;
  /** Cut-offs a goal or result may be deferred to (the next six 30/06 and 31/12). */
  laterCutoffs: string[];
  lead: LeadGoalRow[];
  involved: InvolvedGoalRow[];
  indicators: IndicatorRow[];
}

export interface CollectionScope {
  editionCode: string;
  period: string;
  /** One department, or every department with work in the period (planning office only). */
  departmentCode: string | null;
}

/** Who may export and import collection workbooks: as for status entry, the planning office (any department) and department heads (their own). */
export function requireCollectionActor(viewer: Viewer, department: { id: string; name: string } | null): void {
  if (viewer.readOnly) throw new DomainError('FORBIDDEN', 'I token API sono in sola lettura: la raccolta Excel richiede un utente.');
  if (viewer.role === Role.PLANNING_OFFICE) return;
  if (viewer.role === Role.DEPARTMENT_HEAD) {
    if (!department) throw new DomainError('FORBIDDEN', 'Indicare il proprio settore: un dirigente scarica solo la cartella dei propri settori.');
    if (viewer.departmentIds.includes(department.id)) return;
    throw new DomainError('FORBIDDEN', `Il settore ${department.name} non è tra i suoi: può usare solo la cartella di raccolta dei propri settori.`, {
      field: 'settore',
    });
  }
  throw new DomainError('FORBIDDEN', "La raccolta Excel è riservata all'ufficio programmazione e ai dirigenti dei settori.", { role: viewer.role });
}

export function laterCutoffs(cutoff: string, count = 6): string[] {
  const out: string[] = [];
  let year = Number(cutoff.slice(0, 4));
  let mid = cutoff.endsWith('-06-30');
  while (out.length < count) {
    if (mid) out.push(`${year}-12-31`);
    else out.push(`${(year += 1)}-06-30`);
    mid = !mid;
  }
  return out;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const it = (n: string) => n.replace('.', ',');

function targetText(indicator: PlanTypes.IndicatorType, year: number): string {
  const target = indicator.targets.find((t) => t.year === year);
  if (!target) return '';
  if (target.text) return target.text;
  const symbol = { GE: '≥', GT: '>', LE: '≤', LT: '<', EQ: '=' }[target.comparator as string] ?? '';
  const value = target.value ? it(target.value.replace(/\.?0+$/, '')) : '';
  return [symbol, value, target.unit ?? ''].filter(Boolean).join(' ');
}

function previousResult(indicator: PlanTypes.IndicatorType, cutoff: string): string | null {
  const r = indicator.resultList.filter((x) => x.period < cutoff).at(-1);
  if (!r) return null;
  const value = r.value ? ` (${it(r.value.replace(/\.?0+$/, ''))}${r.unit ? ` ${r.unit}` : ''})` : '';
  return `Al ${italianDate(r.period)}: ${r.text}${value}`;
}

/** The rows of one department's workload, with the period's current values and the previous period's. */
export function sourceRows(
  w: DepartmentWorkload,
  cutoff: string,
  contributions: Map<string, GoalContribution>,
): Pick<CollectionSource, 'lead' | 'involved' | 'indicators'> {
  const year = Number(cutoff.slice(0, 4));
  return {
    lead: w.led.map((item) => ({
      goalId: item.place.goal.id,
      objectiveCode: item.place.objective.code,
      position: item.place.goal.position,
      title: item.place.goal.title,
      previous: item.previousStatus ? `Al ${italianDate(item.previousStatus.period)}: ${item.previousStatus.narrative}` : null,
      current: item.status,
    })),
    involved: w.involved.map((item) => {
      const c = contributions.get(item.place.goal.id);
      const leads = item.place.goal.departments.filter((d) => d.reportingLead && d.department).map((d) => d.department!.name);
      return {
        goalId: item.place.goal.id,
        objectiveCode: item.place.objective.code,
        position: item.place.goal.position,
        title: item.place.goal.title,
        leadName: leads.join(', ') || 'Ufficio programmazione',
        current: c ? { text: c.text, version: c.version } : null,
      };
    }),
    indicators: w.indicators.map((i) => ({
      indicatorId: i.id,
      objectiveCode: i.objectiveCode,
      name: i.name,
      unit: i.unit,
      target: targetText(i, year),
      previous: previousResult(i, cutoff),
      current: i.resultList.find((r) => r.period === cutoff) ?? null,
    })),
  };
}

/**
 * Loads the workbooks' data for one department or every department with work in the period,
 * after checking the viewer may collect it and the period is open for data entry.
 */
export async function loadCollectionSources(em: EntityManager, viewer: Viewer, scope: CollectionScope): Promise<CollectionSource[]> {
  const edition = await em.findOne(PlanEdition, { code: scope.editionCode, ente: viewer.enteId }, { fields: ['id', 'code', 'title', 'mandate'] });
  if (!edition) throw notFound('Edizione', scope.editionCode);
  const period = await em.findOne(ReportingPeriod, { edition: edition.id, cutoffDate: scope.period });
  if (!period) throw notFound('Periodo di rendicontazione', `${scope.editionCode} al ${italianDate(scope.period)}`);
  const departments = await em.find(Department, { ente: viewer.enteId }, { orderBy: { code: 'asc' } });
  const wanted = scope.departmentCode ? departments.find((d) => d.code === scope.departmentCode) : null;
  if (scope.departmentCode && !wanted) throw notFound('Settore', scope.departmentCode);
  requireCollectionActor(viewer, wanted ?? null);
  assertPeriodWritable(period, viewer);

  const [ente, tree, contributionRows] = await Promise.all([
    em.findOneOrFail(Ente, viewer.enteId),
    readPlanDataVersions(em).then((versions) => cachedEditionTree(em, versions, { id: edition.id, mandateId: edition.mandate.id })),
    em.find(GoalContribution, { period }),
  ]);
  const workloads = departmentWorkloads(departmentGoalItems(editionIndex(tree), scope.period), scope.period);
  const chosen = wanted ? [wanted] : departments.filter((d) => workloads.has(d.id));
  return chosen.map((department) => {
    const workload = workloads.get(department.id);
    const contributions = new Map(contributionRows.filter((c) => c.department.id === department.id).map((c) => [c.goal.id, c]));
    const rows = workload ? sourceRows(workload, scope.period, contributions) : { lead: [], involved: [], indicators: [] };
    return {
      ente: { id: ente.id, name: ente.name },
      edition: { id: edition.id, code: edition.code, title: edition.title },
      period: { id: period.id, cutoffDate: period.cutoffDate },
      department: { id: department.id, code: department.code, name: department.name },
      deadline: addDays(period.cutoffDate, 31),
      laterCutoffs: laterCutoffs(period.cutoffDate),
      ...rows,
    };
  });
}
