import type { EntityManager } from '@mikro-orm/postgresql';

export interface PlanSummaryCounts {
  asOf: string | null;
  mandateLines: number;
  strategicDirections: number;
  strategicObjectives: number;
  operationalObjectives: number;
  goals: number;
  indicators: number;
}

/**
 * Counts an edition's plan as it stood at a date: objectives added by an amendment effective
 * after that date are left out (Livorno's 1.06 was added on 30/09/2020, so the report at
 * 30/06/2020 still says 20 strategic and 68 operational objectives). Without a date, the
 * edition's latest reporting period is used; with no period at all, everything counts.
 */
export async function countPlan(em: EntityManager, editionId: string, asOf?: string | null): Promise<PlanSummaryCounts> {
  const rows = await em.getConnection().execute<
    { as_of: string | null; lines: string; directions: string; so: string; op: string; goals: string; indicators: string }[]
  >(
    `with ed as (
       select e.id, e.mandate_id,
              coalesce(?::date, (select max(p.cutoff_date) from reporting_period p where p.edition_id = e.id)) as as_of
         from plan_edition e where e.id = ?),
     so as (
       select s.id from strategic_objective s join ed on s.edition_id = ed.id
         left join amendment a on a.id = s.introduced_by_id
        where a.id is null or ed.as_of is null or a.effective_date <= ed.as_of),
     op as (
       select o.id from operational_objective o join so on o.strategic_objective_id = so.id
         left join amendment a on a.id = o.introduced_by_id, ed
        where a.id is null or ed.as_of is null or a.effective_date <= ed.as_of)
     select (select as_of from ed)::text as as_of,
            (select count(*) from mandate_line l join ed on l.mandate_id = ed.mandate_id) as lines,
            (select count(*) from strategic_direction d join mandate_line l on l.id = d.line_id join ed on l.mandate_id = ed.mandate_id) as directions,
            (select count(*) from so) as so,
            (select count(*) from op) as op,
            (select count(*) from goal g join op on g.objective_id = op.id) as goals,
            (select count(*) from indicator i join op on i.objective_id = op.id) as indicators`,
    [asOf ?? null, editionId],
  );
  const r = rows[0];
  return {
    asOf: r.as_of,
    mandateLines: Number(r.lines),
    strategicDirections: Number(r.directions),
    strategicObjectives: Number(r.so),
    operationalObjectives: Number(r.op),
    goals: Number(r.goals),
    indicators: Number(r.indicators),
  };
}
