import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';
import { byIdLoader, groupedLoader } from './loader-factory';

const ids = (keys: readonly string[]) => ({ $in: [...keys] });

/**
 * Per-request loaders: every level of the plan tree costs one SQL statement, however many
 * parents that level has. Created fresh for each GraphQL request (no cross-request cache).
 */
export function createPlanLoaders(em: EntityManager) {
  return {
    ente: byIdLoader((k) => em.find(E.Ente, { id: ids(k) }), (e) => e.id),
    act: byIdLoader((k) => em.find(E.Act, { id: ids(k) }), (a) => a.id),
    mandate: byIdLoader((k) => em.find(E.Mandate, { id: ids(k) }), (m) => m.id),
    amendment: byIdLoader((k) => em.find(E.Amendment, { id: ids(k) }), (a) => a.id),
    period: byIdLoader((k) => em.find(E.ReportingPeriod, { id: ids(k) }), (p) => p.id),
    line: byIdLoader((k) => em.find(E.MandateLine, { id: ids(k) }), (l) => l.id),
    operational: byIdLoader((k) => em.find(E.OperationalObjective, { id: ids(k) }), (o) => o.id),
    goal: byIdLoader((k) => em.find(E.Goal, { id: ids(k) }), (g) => g.id),
    department: byIdLoader((k) => em.find(E.Department, { id: ids(k) }), (d) => d.id),
    owner: byIdLoader((k) => em.find(E.PoliticalOwner, { id: ids(k) }), (o) => o.id),
    mission: byIdLoader((k) => em.find(E.Mission, { code: ids(k) }), (m) => m.code),
    programme: byIdLoader((k) => em.find(E.Programme, { id: ids(k) }), (p) => p.id),

    periodsByEdition: groupedLoader(
      (k) => em.find(E.ReportingPeriod, { edition: ids(k) }, { orderBy: { cutoffDate: 'asc' } }),
      (p) => p.edition.id,
    ),
    actsByEdition: groupedLoader(
      (k) => em.find(E.EditionAct, { edition: ids(k) }, { orderBy: { act: { date: 'asc' }, role: 'asc' } }),
      (a) => a.edition.id,
    ),
    amendmentsByEdition: groupedLoader(
      (k) => em.find(E.Amendment, { edition: ids(k) }, { orderBy: { effectiveDate: 'asc' } }),
      (a) => a.edition.id,
    ),
    linesByMandate: groupedLoader(
      (k) => em.find(E.MandateLine, { mandate: ids(k) }, { orderBy: { number: 'asc' } }),
      (l) => l.mandate.id,
    ),
    directionsByLine: groupedLoader(
      (k) => em.find(E.StrategicDirection, { line: ids(k) }, { orderBy: { position: 'asc' } }),
      (d) => d.line.id,
    ),
    /** Keyed by `editionId:lineId`: a line's objectives differ from edition to edition. */
    strategicByEditionLine: groupedLoader(
      (k) => {
        const pairs = k.map((key) => key.split(':'));
        return em.find(
          E.StrategicObjective,
          { edition: { $in: pairs.map((p) => p[0]) }, line: { $in: pairs.map((p) => p[1]) } },
          { orderBy: { code: 'asc' } },
        );
      },
      (s) => `${s.edition.id}:${s.line.id}`,
    ),
    strategicByEdition: groupedLoader(
      (k) => em.find(E.StrategicObjective, { edition: ids(k) }, { orderBy: { code: 'asc' } }),
      (s) => s.edition.id,
    ),
    missionsByStrategic: groupedLoader(
      (k) => em.find(E.StrategicObjectiveMission, { objective: ids(k) }, { orderBy: { position: 'asc' } }),
      (m) => m.objective.id,
    ),
    operationalByStrategic: groupedLoader(
      (k) => em.find(E.OperationalObjective, { strategicObjective: ids(k) }, { orderBy: { code: 'asc' } }),
      (o) => o.strategicObjective.id,
    ),
    ownersByOperational: groupedLoader(
      (k) => em.find(E.ObjectiveOwner, { objective: ids(k) }, { orderBy: { position: 'asc' } }),
      (o) => o.objective.id,
    ),
    programmesByOperational: groupedLoader(
      (k) => em.find(E.ObjectiveProgramme, { objective: ids(k) }, { orderBy: { position: 'asc' } }),
      (p) => p.objective.id,
    ),
    goalsByOperational: groupedLoader(
      (k) => em.find(E.Goal, { objective: ids(k) }, { orderBy: { position: 'asc' } }),
      (g) => g.objective.id,
    ),
    departmentsByGoal: groupedLoader(
      (k) => em.find(E.GoalDepartment, { goal: ids(k) }, { orderBy: { position: 'asc' } }),
      (d) => d.goal.id,
    ),
    statusesByGoal: groupedLoader((k) => em.find(E.GoalStatus, { goal: ids(k) }), (s) => s.goal.id),
    indicatorsByOperational: groupedLoader(
      (k) => em.find(E.Indicator, { objective: ids(k) }, { orderBy: { position: 'asc' } }),
      (i) => i.objective.id,
    ),
    targetsByIndicator: groupedLoader(
      (k) => em.find(E.IndicatorTarget, { indicator: ids(k) }, { orderBy: { year: 'asc' } }),
      (t) => t.indicator.id,
    ),
    resultsByIndicator: groupedLoader((k) => em.find(E.IndicatorResult, { indicator: ids(k) }), (r) => r.indicator.id),
  };
}

export type PlanLoaders = ReturnType<typeof createPlanLoaders>;
