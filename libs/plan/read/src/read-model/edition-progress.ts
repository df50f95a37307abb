import type { EntityManager } from '@mikro-orm/postgresql';
import type { Comparator, DeclaredState, ResultStatus } from '@dup/domain';
import type * as T from '../types';
import type { EditionTree } from './edition-tree';

/** The statements that reload an edition's progress: see loadEditionProgress. */
export const EDITION_PROGRESS_STATEMENTS = 3;

/**
 * What the semester cycle keeps writing, by goal and by indicator, each list in period (or year)
 * order. A tree's progress can be replaced without reloading the rest (see withProgress).
 */
export interface EditionProgress {
  statuses: Map<string, T.GoalStatusType[]>;
  targets: Map<string, T.IndicatorTargetType[]>;
  results: Map<string, T.IndicatorResultType[]>;
}

/** A timestamptz as epoch milliseconds, truncated as the ORM's dates are. */
const millis = (column: string) => `floor(extract(epoch from ${column}) * 1000)::bigint::text`;

/** Confines the rows of `alias` to the edition's objectives, through their goal or indicator. */
function ofEdition(parent: 'goal' | 'indicator', alias: string): string {
  return `join ${parent} x on x.id = ${alias}.${parent}_id join operational_objective o on o.id = x.objective_id where o.edition_id = ?`;
}

/**
 * The rows are read as plain rows, straight into the DTOs (the entity mappers' output, field for
 * field; a test keeps them equal): after a status write this is all that is reloaded, and
 * hydrating entities would cost several times the queries themselves.
 */
const STATUSES = `
  select s.id, s.goal_id, p.cutoff_date::text as period, s.narrative, s.as_of_label, s.declared_state,
         s.percent_complete::text as percent_complete, s.deferred_to::text as deferred_to, s.deferral_text,
         s.version, s.author, ${millis('s.created_at')} as created_ms, ${millis('s.updated_at')} as updated_ms
    from goal_status s join reporting_period p on p.id = s.period_id ${ofEdition('goal', 's')}
   order by p.cutoff_date, s.id`;
const TARGETS = `
  select t.indicator_id, t.year, t.comparator, t.value::text as value, t.unit, t.text
    from indicator_target t ${ofEdition('indicator', 't')}
   order by t.year, t.id`;
const RESULTS = `
  select r.id, r.indicator_id, p.cutoff_date::text as period, r.text, r.value::text as value, r.unit, r.status,
         r.deferred_to::text as deferred_to, r.version, r.author, ${millis('r.updated_at')} as updated_ms
    from indicator_result r join reporting_period p on p.id = r.period_id ${ofEdition('indicator', 'r')}
   order by p.cutoff_date, r.id`;

type Row = Record<string, string | number | null>;

/** An edition's progress in EDITION_PROGRESS_STATEMENTS statements, whatever the data size. */
export async function loadEditionProgress(em: EntityManager, edition: { id: string }): Promise<EditionProgress> {
  const connection = em.getConnection();
  const [statuses, targets, results] = await Promise.all([STATUSES, TARGETS, RESULTS].map((sql) => connection.execute<Row[]>(sql, [edition.id])));
  const text = (v: Row[string]) => (v === null ? null : String(v));
  return {
    statuses: group(statuses, 'goal_id', (r): T.GoalStatusType => ({
      id: String(r['id']),
      period: String(r['period']),
      narrative: String(r['narrative']),
      asOfLabel: String(r['as_of_label']),
      declaredState: text(r['declared_state']) as DeclaredState | null,
      percentComplete: text(r['percent_complete']),
      deferredTo: text(r['deferred_to']),
      deferralText: text(r['deferral_text']),
      version: Number(r['version']),
      author: String(r['author']),
      createdAt: new Date(Number(r['created_ms'])),
      updatedAt: new Date(Number(r['updated_ms'])),
    })),
    targets: group(targets, 'indicator_id', (r): T.IndicatorTargetType => ({
      year: Number(r['year']),
      comparator: text(r['comparator']) as Comparator | null,
      value: text(r['value']),
      unit: text(r['unit']),
      text: text(r['text']),
    })),
    results: group(results, 'indicator_id', (r): T.IndicatorResultType => ({
      id: String(r['id']),
      period: String(r['period']),
      text: String(r['text']),
      value: text(r['value']),
      unit: text(r['unit']),
      status: String(r['status']) as ResultStatus,
      deferredTo: text(r['deferred_to']),
      version: Number(r['version']),
      author: String(r['author']),
      updatedAt: new Date(Number(r['updated_ms'])),
    })),
  };
}

function group<V>(rows: Row[], key: string, map: (row: Row) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const id = String(row[key]);
    const list = groups.get(id);
    if (list) list.push(map(row));
    else groups.set(id, [map(row)]);
  }
  return groups;
}

const none: never[] = [];

/**
 * The same tree with another progress: new objects on the way from the root to every goal and
 * indicator, everything else shared. Trees already handed to requests are never changed.
 */
export function withProgress(tree: EditionTree, progress: EditionProgress): EditionTree {
  const goal = (g: T.GoalType): T.GoalType => ({ ...g, statusList: progress.statuses.get(g.id) ?? none });
  const indicator = (i: T.IndicatorType): T.IndicatorType => ({ ...i, targets: progress.targets.get(i.id) ?? none, resultList: progress.results.get(i.id) ?? none });
  const operational = (o: T.OperationalObjectiveType): T.OperationalObjectiveType => ({ ...o, goals: o.goals.map(goal), indicators: o.indicators.map(indicator) });
  const strategic = new Map(tree.strategicObjectives.map((s) => [s, { ...s, operationalObjectives: s.operationalObjectives.map(operational) }]));
  return {
    ...tree,
    mandateLines: tree.mandateLines.map((l) => ({ ...l, strategicObjectives: l.strategicObjectives.map((s) => strategic.get(s) ?? s) })),
    strategicObjectives: [...strategic.values()],
  };
}
