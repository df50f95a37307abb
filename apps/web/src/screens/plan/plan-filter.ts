import type { PlanTreeQuery } from '../../gql/graphql';

type Edition = PlanTreeQuery['planEditions'][number];
export type Line = Edition['mandateLines'][number];
export type StrategicObjective = Line['strategicObjectives'][number];
export type OperationalObjective = StrategicObjective['operationalObjectives'][number];
export type PlanGoal = OperationalObjective['goals'][number];

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The part of the plan matching a search (codes, titles, departments), keeping the path to each
 * match so it is shown in context. An objective that matches keeps all its goals.
 */
export function filterPlan(lines: readonly Line[], query: string): Line[] {
  const q = normalise(query.trim());
  if (!q) return [...lines];
  const hit = (...texts: (string | null | undefined)[]) => texts.some((t) => t && normalise(t).includes(q));
  const goalHit = (g: PlanGoal) => hit(g.title, ...g.departments.flatMap((d) => [d.printedName, d.department?.name, d.department?.code]));
  return lines.flatMap((line) => {
    if (hit(line.title, `linea ${line.number}`)) return [line];
    const sos = line.strategicObjectives.flatMap((so) => {
      if (hit(so.code, so.title)) return [so];
      const ops = so.operationalObjectives.flatMap((op) => {
        if (hit(op.code, op.title, op.ownerLabel)) return [op];
        const goals = op.goals.filter(goalHit);
        return goals.length ? [{ ...op, goals }] : [];
      });
      return ops.length ? [{ ...so, operationalObjectives: ops }] : [];
    });
    return sos.length ? [{ ...line, strategicObjectives: sos }] : [];
  });
}

export function countGoals(lines: readonly Line[]): number {
  return lines.reduce((n, l) => n + l.strategicObjectives.reduce((m, so) => m + so.operationalObjectives.reduce((k, op) => k + op.goals.length, 0), 0), 0);
}
