import type { EntityManager } from '@mikro-orm/postgresql';
import { Indicator, IndicatorResult, IndicatorTarget, ResultStatus } from '@dup/domain';
import { badUserInput, decodeCursor, encodeCursor } from '@dup/graphql-kit';
import { byPeriod, groupBy, toIndicator, toResult, toTarget } from '../mappers';
import type { IndicatorFilterInput, IndicatorType } from '../types';

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
): Promise<IndicatorPage> {
  const where: string[] = [];
  const params: unknown[] = [];
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
  } order by p.cutoff_date desc limit 1)`;
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
    where.push(`(i.name ilike ? or exists (select 1 from indicator_result r where r.indicator_id = i.id and r.text ilike ?))`);
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
  const [countRow] = await conn.execute<{ n: string }[]>(`select count(*) as n ${from} ${whereSql}`, params);
  const page = await conn.execute<{ id: string; code: string; position: number }[]>(
    `select i.id, op.code, i.position ${from} ${whereSql} ${keysetSql}
      order by ${sortKey}, i.position, i.id limit ?`,
    [...params, ...keysetParams, first + 1],
  );
  const hasNextPage = page.length > first;
  const slice = page.slice(0, first);
  const ids = slice.map((r) => r.id);
  // Three statements for any page size: the indicators with what they show, their targets, their results.
  const [entities, targets, results] = await Promise.all([
    em.find(Indicator, { id: { $in: ids } }, { populate: ['goal', 'objective'], strategy: 'joined' }),
    em.find(IndicatorTarget, { indicator: { $in: ids } }, { orderBy: { year: 'asc' } }),
    em.find(IndicatorResult, { indicator: { $in: ids } }, { populate: ['period'], strategy: 'joined' }),
  ]);
  const targetsOf = groupBy(targets, (t) => t.indicator.id);
  const resultsOf = groupBy(results, (r) => r.indicator.id);
  const byId = new Map(
    entities.map((e): [string, IndicatorType] => [
      e.id,
      {
        ...toIndicator(e),
        targets: (targetsOf.get(e.id) ?? []).map(toTarget),
        resultList: (resultsOf.get(e.id) ?? []).map(toResult).sort(byPeriod),
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
