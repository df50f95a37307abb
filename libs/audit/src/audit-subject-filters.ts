/**
 * The (entity_type, entity_id) pairs an audit filter selects, as SQL sub-selects. The audit
 * table's (entity_type, entity_id) index then answers the semi-join.
 */
export interface SubjectSql {
  sql: string;
  params: unknown[];
}

/** Operational objectives where the department is listed on at least one goal. */
const OBJECTIVES_OF_DEPARTMENT = `select g.objective_id from goal g join goal_department gd on gd.goal_id = g.id where gd.department_id = ?`;
const GOALS_OF_DEPARTMENT = `select gd.goal_id from goal_department gd where gd.department_id = ?`;

/**
 * Entries about a department: statuses and contributions of the goals where it is listed, its
 * own contributions and reviews, and the indicators (targets and results) of the operational
 * objectives where it leads or is involved in a goal.
 */
export function departmentSubjectsSql(departmentId: string): SubjectSql {
  return {
    sql: `select 'GoalStatus', gs.id::text from goal_status gs where gs.goal_id in (${GOALS_OF_DEPARTMENT})
      union all select 'GoalContribution', gc.id::text from goal_contribution gc where gc.department_id = ? or gc.goal_id in (${GOALS_OF_DEPARTMENT})
      union all select 'DepartmentReview', dr.id::text from department_review dr where dr.department_id = ?
      union all select 'IndicatorResult', ir.id::text from indicator_result ir join indicator i on i.id = ir.indicator_id where i.objective_id in (${OBJECTIVES_OF_DEPARTMENT})
      union all select 'Indicator', i.id::text from indicator i where i.objective_id in (${OBJECTIVES_OF_DEPARTMENT})`,
    params: [departmentId, departmentId, departmentId, departmentId, departmentId, departmentId],
  };
}

/**
 * Entries about the goals (statuses, contributions) and indicators (targets, results) of the
 * operational objectives whose code is `code` or starts with `code.` (a strategic objective's
 * code selects its operational objectives), optionally in one edition.
 */
export function objectiveSubjectsSql(enteId: string, code: string, editionCode: string | null): SubjectSql {
  const edition = editionCode ? ` and o.edition_id in (select pe.id from plan_edition pe where pe.ente_id = ? and pe.code = ?)` : '';
  const objectives = `select o.id from operational_objective o where o.ente_id = ? and (o.code = ? or o.code like ?)${edition}`;
  const objectiveParams = [enteId, code, `${code}.%`, ...(editionCode ? [enteId, editionCode] : [])];
  return {
    sql: `select 'GoalStatus', gs.id::text from goal_status gs join goal g on g.id = gs.goal_id where g.objective_id in (${objectives})
      union all select 'GoalContribution', gc.id::text from goal_contribution gc join goal g on g.id = gc.goal_id where g.objective_id in (${objectives})
      union all select 'IndicatorResult', ir.id::text from indicator_result ir join indicator i on i.id = ir.indicator_id where i.objective_id in (${objectives})
      union all select 'Indicator', i.id::text from indicator i where i.objective_id in (${objectives})`,
    params: [...objectiveParams, ...objectiveParams, ...objectiveParams, ...objectiveParams],
  };
}
