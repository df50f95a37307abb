import { computeObjectiveSignals, indicatorsOfGoal } from './plan-signals';

const goals = [{ id: 'g1', position: 1 }, { id: 'g2', position: 2 }, { id: 'g3', position: 3 }];
const indicators = [{ id: 'i1', position: 1 }, { id: 'i2', position: 2 }, { id: 'i3', position: 3, goalId: 'g3' }];

describe('plan signals', () => {
  it('uses the indicators linked to a goal, else the objective-level ones', () => {
    expect(indicatorsOfGoal('g3', indicators).map((i) => i.id)).toEqual(['i3']);
    expect(indicatorsOfGoal('g1', indicators).map((i) => i.id)).toEqual(['i1', 'i2']);
  });

  it('flags a goal declared completed whose indicators are deferred or empty', () => {
    const s = computeObjectiveSignals(
      goals,
      [
        { goalId: 'g1', declaredState: 'COMPLETED', narrative: 'fatto', percentComplete: '100.00' },
        { goalId: 'g3', declaredState: 'IN_PROGRESS', narrative: 'in corso' },
      ],
      indicators,
      [{ indicatorId: 'i1', status: 'DEFERRED' }, { indicatorId: 'i3', status: 'REPORTED' }],
    );
    expect(s.contradictions.map((c) => [c.kind, c.goalPosition, c.indicatorPositions])).toEqual([
      ['COMPLETED_WITH_DEFERRED_INDICATORS', 1, [1]],
      ['COMPLETED_WITH_MISSING_RESULTS', 1, [2]],
    ]);
    expect(s.contradictions[0].message).toMatch(/completata ma con indicatori rinviati \(n\. 1\)/);
    expect(s).toMatchObject({ goals: 3, goalsWithoutStatus: 1, deferredGoals: 0, indicators: 3, indicatorsWithoutResult: 1, deferredIndicators: 1 });
    expect(s.byGoal.find((g) => g.goalId === 'g3')).toMatchObject({ indicators: 1, indicatorsWithoutResult: 0, contradictions: [] });
  });

  it('flags inconsistent percentages and deferrals', () => {
    const s = computeObjectiveSignals(
      goals,
      [
        { goalId: 'g1', declaredState: 'COMPLETED', narrative: '', percentComplete: '80.00' },
        { goalId: 'g2', declaredState: 'IN_PROGRESS', narrative: '', percentComplete: '100.00', deferredTo: '2020-12-31' },
        { goalId: 'g3', declaredState: 'NOT_STARTED', narrative: '', percentComplete: '10.00' },
      ],
      [],
      [],
    );
    expect(s.contradictions.map((c) => c.kind)).toEqual([
      'COMPLETED_BELOW_100_PERCENT',
      'FULL_PERCENT_NOT_COMPLETED',
      'DEFERRED_STATUS_WITH_OTHER_STATE',
      'NOT_STARTED_WITH_PROGRESS',
    ]);
    expect(s.deferredGoals).toBe(1);
  });

  it('finds nothing to review in a consistent objective', () => {
    const s = computeObjectiveSignals(goals.slice(0, 1), [{ goalId: 'g1', declaredState: 'COMPLETED', narrative: 'ok', percentComplete: '100.00' }], indicators.slice(0, 1), [
      { indicatorId: 'i1', status: 'REPORTED' },
    ]);
    expect(s.contradictions).toEqual([]);
  });
});
