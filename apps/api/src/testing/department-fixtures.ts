import type { TestServer } from './test-server';

/** GraphQL documents of the departments' work (department goals and progress) used by the e2e tests. */
export const DEPARTMENT_GOALS = `query($e: String!, $p: LocalDate!, $f: DepartmentGoalsFilter, $first: Int, $after: String) {
  departmentGoals(edition: $e, period: $p, filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node {
      relation indicatorsWithoutResult department { code name }
      goal { id position title operationalObjective { code title strategicObjective { code } } indicators { position } }
      status { period narrative percentComplete version } previousStatus { period } contribution { departmentCode text version } } } } }`;

export const DEPARTMENT_PROGRESS = `query($e: String!, $p: LocalDate!) { departmentProgress(edition: $e, period: $p) {
  department { code name } goalsLed goalsLedWithStatus goalsInvolved contributions indicators indicatorsWithResult
  review { state comment submissionNote missingGoalsAtSubmission missingIndicatorsAtSubmission }
  missingGoals { id title } missingIndicators { id objectiveCode position } } }`;

export interface GoalNode {
  relation: 'LEAD' | 'INVOLVED';
  indicatorsWithoutResult: number;
  department: { code: string; name: string };
  goal: {
    id: string;
    position: number;
    title: string;
    operationalObjective: { code: string; title: string; strategicObjective: { code: string } };
    indicators: { position: number }[];
  };
  status: { period: string; narrative: string; percentComplete: string | null; version: number } | null;
  previousStatus: { period: string } | null;
  contribution: { departmentCode: string; text: string; version: number } | null;
}
export interface GoalsPage {
  departmentGoals: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: GoalNode }[];
  };
}

/** Every (goal, department) pair in force at the cut-off, straight from the tables: the expectation the API is checked against. */
export async function pairsInDatabase(
  t: TestServer,
  cutoff: string,
): Promise<{ goalId: string; code: string; lead: boolean; opCode: string; position: number }[]> {
  const rows = await t.db.orm.em.getConnection().execute<{ goal_id: string; code: string; lead: boolean; op_code: string; position: number }[]>(
    // Reporting lead: the marked capofila, or the only department a goal lists.
    `select g.id as goal_id, d.code, bool_or(gd.lead) or (select count(*) from goal_department x where x.goal_id = g.id) = 1 as lead, o.code as op_code, g.position
       from goal_department gd join goal g on g.id = gd.goal_id join department d on d.id = gd.department_id
       join operational_objective o on o.id = g.objective_id join strategic_objective s on s.id = o.strategic_objective_id
       left join amendment ao on ao.id = o.introduced_by_id left join amendment aso on aso.id = s.introduced_by_id
      where (ao.id is null or ao.effective_date <= ?::date) and (aso.id is null or aso.effective_date <= ?::date)
      group by g.id, d.code, o.code, g.position
      order by string_to_array(o.code, '.')::int[], g.position, 3 desc, d.code`,
    [cutoff, cutoff],
  );
  return rows.map((r) => ({ goalId: r.goal_id, code: r.code, lead: r.lead, opCode: r.op_code, position: r.position }));
}
