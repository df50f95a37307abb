import type { EntityManager } from '@mikro-orm/postgresql';
import { type Comparator, type IndicatorKind, type Polarity, ResultStatus } from '@dup/domain';
import { badUserInput, decodeCursor, encodeCursor } from '@dup/graphql-kit';
import { groupBy } from '../mappers';
import type { IndicatorFilterInput, IndicatorType } from '../types';

interface IndicatorRow {
  id: string;
  code: string;
  position: number;
  name: string;
  unit: string | null;
  kind: IndicatorKind;
  polarity: Polarity;
  group_label: string | null;
  goal_position: number | null;
}

interface TargetRow {
  indicator_id: string;
  year: number;
  comparator: Comparator | null;
  value: string | null;
  unit: string | null;
  text: string | null;
}

interface ResultRow {
  id: string;
  indicator_id: string;
  period: string;
  text: string;
  value: string | null;
  unit: string | null;
  status: ResultStatus;
  deferred_to: string | null;
  version: number;
  author: string;
  updated_at: Date;
}

export interface IndicatorPage {
  rows: { indicator: IndicatorType; cursor: string }[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/**
 * Keyset pagination over indicators in plan order: objective code compared numerically
 * (so 9.02.01 comes before 10.01.01), then position, then id as tie-breaker.
 */
export async function searchIndicators(
  em: EntityManager,
  filter: IndicatorFilterInput,
  first: number,
  after: string | null | undefined,
  scope: { enteId: string; visibleStates: readonly string[] | null },
): Promise<IndicatorPage> {
  const where: string[] = ['i.ente_id = ?'];
  const params: unknown[] = [scope.enteId];
  // Result-based filters only look at periods the viewer may read (no leaks through counts).
  const visiblePeriod = scope.visibleStates ? `and p.state in (${scope.visibleStates.map((s) => `'${s.replace(/'/g, '')}'`).join(', ')})` : '';
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.ente) add('en.istat_code = ?', filter.ente);
  if (filter.edition) add('ed.code = ?', filter.edition);
  if (filter.mandateLine != null) add('ml.number = ?', filter.mandateLine);
  if (filter.objectiveCode) {
    if (!/^\d+\.\d{2}(\.\d{2})?$/.test(filter.objectiveCode)) {
      throw badUserInput('filter.objectiveCode', 'Codice obiettivo non valido: usare la forma "1.01" (strategico) o "1.01.01" (operativo).');
    }
    add("(op.code = ? or so.code = ?)", filter.objectiveCode, filter.objectiveCode);
  }
  if (filter.department) {
    add(
      `exists (select 1 from goal g join goal_department gd on gd.goal_id = g.id join department d on d.id = gd.department_id
                where g.objective_id = op.id and d.code = ?)`,
      filter.department,
    );
  }
  // The period is the edition's latest unless given; the status filter applies to it.
  const periodSql = `(select p.id from reporting_period p where p.edition_id = ed.id ${
    filter.period ? 'and p.cutoff_date = ?' : ''
  } ${visiblePeriod} order by p.cutoff_date desc limit 1)`;
  const periodParams = filter.period ? [filter.period] : [];
  if (filter.resultStatus) {
    if (filter.resultStatus === ResultStatus.EMPTY) {
      where.push(
        `coalesce((select r.status from indicator_result r where r.indicator_id = i.id and r.period_id = ${periodSql}), 'EMPTY') = 'EMPTY'`,
      );
      params.push(...periodParams);
    } else {
      where.push(`exists (select 1 from indicator_result r where r.indicator_id = i.id and r.period_id = ${periodSql} and r.status = ?)`);
      params.push(...periodParams, filter.resultStatus);
    }
  }
  if (filter.text) {
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      `(i.name ilike ? or exists (select 1 from indicator_result r join reporting_period p on p.id = r.period_id
                                   where r.indicator_id = i.id and r.text ilike ? ${visiblePeriod}))`,
    );
    params.push(like, like);
  }
  const from = `from indicator i
      join operational_objective op on op.id = i.objective_id
      join strategic_objective so on so.id = op.strategic_objective_id
      join mandate_line ml on ml.id = so.line_id
      join plan_edition ed on ed.id = op.edition_id
      join ente en on en.id = i.ente_id`;
  const whereSql = where.length ? `where ${where.join(' and ')}` : '';
  const sortKey = `string_to_array(op.code, '.')::int[]`;

  let keysetSql = '';
  const keysetParams: unknown[] = [];
  if (after) {
    const [codeParts, position, id] = decodeCursor(after, 3) as [number[], number, string];
    keysetSql = `${where.length ? 'and' : 'where'} (${sortKey}, i.position, i.id) > (?::int[], ?, ?::uuid)`;
    keysetParams.push(`{${codeParts.map(Number).join(',')}}`, Number(position), String(id));
  }
  const conn = em.getConnection();
  // The page carries everything an indicator shows; with its targets and results, four plain
  // statements for any page size, mapped straight to DTOs (no entity hydration: on a page of
  // 50 the ORM's find and hydration cost several times the SQL itself).
  const [[countRow], page] = await Promise.all([
    conn.execute<{ n: string }[]>(`select count(*) as n ${from} ${whereSql}`, params),
    conn.execute<IndicatorRow[]>(
      `select i.id, op.code, i.position, i.name, i.unit, i.kind, i.polarity, i.group_label, g.position as goal_position
         ${from} left join goal g on g.id = i.goal_id ${whereSql} ${keysetSql}
        order by ${sortKey}, i.position, i.id limit ?`,
      [...params, ...keysetParams, first + 1],
    ),
  ]);
  const hasNextPage = page.length > first;
  const slice = page.slice(0, first);
  const ids = slice.map((r) => r.id);
  const marks = ids.map(() => '?').join(', ');
  const [targets, results] = ids.length
    ? await Promise.all([
        conn.execute<TargetRow[]>(
          `select t.indicator_id, t.year, t.comparator, t.value, t.unit, t.text from indicator_target t
            where t.indicator_id in (${marks}) order by t.year`,
          ids,
        ),
        conn.execute<ResultRow[]>(
          `select r.id, r.indicator_id, p.cutoff_date::text as period, r.text, r.value, r.unit, r.status,
                  r.deferred_to::text as deferred_to, r.version, r.author, r.updated_at
             from indicator_result r join reporting_period p on p.id = r.period_id
            where r.indicator_id in (${marks}) order by p.cutoff_date`,
          ids,
        ),
      ])
    : [[], []];
  const targetsOf = groupBy(targets, (t) => t.indicator_id);
  const resultsOf = groupBy(results, (r) => r.indicator_id);
  const byId = new Map(
    slice.map((r): [string, IndicatorType] => [
      r.id,
      {
        id: r.id,
        position: r.position,
        name: r.name,
        unit: r.unit,
        kind: r.kind,
        polarity: r.polarity,
        groupLabel: r.group_label,
        goalPosition: r.goal_position,
        objectiveCode: r.code,
        targets: (targetsOf.get(r.id) ?? []).map((t) => ({ year: t.year, comparator: t.comparator, value: t.value, unit: t.unit, text: t.text })),
        resultList: (resultsOf.get(r.id) ?? []).map((x) => ({
          id: x.id,
          period: x.period,
          text: x.text,
          value: x.value,
          unit: x.unit,
          status: x.status,
          deferredTo: x.deferred_to,
          version: x.version,
          author: x.author,
          updatedAt: x.updated_at,
        })),
      },
    ]),
  );
  return {
    rows: slice.map((r) => ({
      indicator: byId.get(r.id)!,
      cursor: encodeCursor([r.code.split('.').map(Number), r.position, r.id]),
    })),
    totalCount: Number(countRow.n),
    hasNextPage,
    hasPreviousPage: Boolean(after),
  };
}
