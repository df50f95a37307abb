import { inForceAt, operationalInForceAt, planInForceAt } from './plan-in-force';

const amendment = (effectiveDate: string) => ({ effectiveDate });
const original = { introducedBy: null };
const addedOn30September = { introducedBy: amendment('2020-09-30') };
const retiredOn1January = { introducedBy: null, retiredBy: amendment('2021-01-01') };

describe('inForceAt: the plan as it stood at a date', () => {
  it('leaves out objectives added by a later amendment and keeps them from the effective date', () => {
    expect(inForceAt(addedOn30September, '2020-06-30')).toBe(false);
    expect(inForceAt(addedOn30September, '2020-09-30')).toBe(true);
    expect(inForceAt(addedOn30September, '2020-10-01')).toBe(true);
    expect(inForceAt(original, '2000-01-01')).toBe(true);
  });

  it('keeps a retired objective until the retirement takes effect, and not after', () => {
    expect(inForceAt(retiredOn1January, '2020-12-31')).toBe(true);
    expect(inForceAt(retiredOn1January, '2021-01-01')).toBe(false);
    // Without a date: the current plan, so the retired objective is out and the added one in.
    expect(inForceAt(retiredOn1January, null)).toBe(false);
    expect(inForceAt(addedOn30September, undefined)).toBe(true);
  });

  it('drops an operational objective whose strategic objective is not in force', () => {
    expect(operationalInForceAt(addedOn30September, original, '2020-06-30')).toBe(false);
    expect(operationalInForceAt(original, retiredOn1January, '2021-06-30')).toBe(false);
    expect(operationalInForceAt(original, original, '2021-06-30')).toBe(true);
  });

  it('filters a tree of lines without touching the input', () => {
    const lines = [
      {
        n: 1,
        strategicObjectives: [
          { ...original, operationalObjectives: [original, addedOn30September] },
          { ...addedOn30September, operationalObjectives: [original] },
        ],
      },
    ];
    const atJune = planInForceAt(lines, '2020-06-30');
    expect(atJune[0].strategicObjectives).toHaveLength(1);
    expect(atJune[0].strategicObjectives[0].operationalObjectives).toEqual([original]);
    expect(lines[0].strategicObjectives).toHaveLength(2);
  });
});
