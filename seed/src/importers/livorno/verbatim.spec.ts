/**
 * The verbatim rule: every title, description, narrative block, indicator name and result kept in
 * the dataset must be found in the source once Markdown/HTML markers and whitespace are ignored.
 * Checked on a sample spread over all ten mandate lines, then on everything.
 */
import { comparableText } from './markdown';
import { livornoImport, livornoSourceText } from './test-source';

const { dataset: d } = livornoImport();
const source = comparableText(livornoSourceText().replace(/\\([_*])/g, '$1'));

/** Markdown blocks are compared one by one: paragraphs may have been joined across a page break. */
function missingFragments(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((block) => comparableText(block))
    .filter((block) => block !== '' && !source.includes(block));
}

function everyNth<T>(xs: T[], n: number): T[] {
  return xs.filter((_, i) => i % n === 0);
}

describe('verbatim rule', () => {
  const lineOf = (opCode: string): number => Number(opCode.split('.')[0]);
  // At least 3 finalità and 3 indicators per mandate line.
  const sampleGoals = [...Array(10).keys()].flatMap((i) => everyNth(d.goals.filter((g) => lineOf(g.opCode) === i + 1), 2).slice(0, 4));
  const sampleIndicators = [...Array(10).keys()].flatMap((i) => everyNth(d.indicators.filter((x) => lineOf(x.opCode) === i + 1), 2).slice(0, 4));

  it('samples at least 30 finalità and 30 indicators across the ten lines', () => {
    expect(sampleGoals.length).toBeGreaterThanOrEqual(30);
    expect(sampleIndicators.length).toBeGreaterThanOrEqual(30);
    expect(new Set(sampleGoals.map((g) => lineOf(g.opCode))).size).toBe(10);
    expect(new Set(sampleIndicators.map((i) => lineOf(i.opCode))).size).toBe(10);
  });

  it.each(sampleGoals.map((g) => [`${g.opCode} F${g.order}`, g] as const))('finalità %s: title, description and status are in the source', (_, g) => {
    const status = d.goalStatuses.find((s) => s.opCode === g.opCode && s.goalOrder === g.order)!;
    expect(missingFragments(g.title)).toEqual([]);
    expect(missingFragments(g.description)).toEqual([]);
    expect(missingFragments(status.narrative)).toEqual([]);
    if (status.deferralText) expect(missingFragments(status.deferralText)).toEqual([]);
  });

  it.each(sampleIndicators.map((i) => [`${i.opCode} #${i.order}`, i] as const))('indicator %s: name and result are in the source', (_, i) => {
    const result = d.indicatorResults.find((r) => r.opCode === i.opCode && r.indicatorOrder === i.order)!;
    expect(missingFragments(i.name)).toEqual([]);
    expect(missingFragments(result.text)).toEqual([]);
    if (i.groupLabel) expect(missingFragments(i.groupLabel)).toEqual([]);
  });

  it('holds for every text of the dataset', () => {
    const texts = [
      ...d.goals.flatMap((g) => [g.title, g.description, ...g.departments.map((r) => r.printedName.split(' ')[0])]),
      ...d.goalStatuses.flatMap((s) => [s.narrative, s.deferralText ?? '', s.asOfLabel]),
      ...d.indicators.flatMap((i) => [i.name, i.groupLabel ?? '']),
      ...d.indicatorResults.map((r) => r.text),
      ...d.strategicObjectives.flatMap((s) => [s.title, ...s.alternateTitles, s.description, s.partecipate ?? '']),
      ...d.operationalObjectives.flatMap((o) => [o.title, ...o.alternateTitles, o.ownerLabel]),
      ...d.mandateLines.flatMap((l) => [l.title, ...l.alternateTitles, l.description, ...l.directions]),
    ];
    const missing = texts.flatMap((t) => missingFragments(t));
    expect(missing).toEqual([]);
  });
});
