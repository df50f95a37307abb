import { comparableText, livornoSourceText, readShippedDataset } from '@dup/seed';
import { WHOLE_TREE_QUERY } from '@dup/testing';
import { startTestServer, type TestServer } from './testing/test-server';

interface Tree {
  planEditions: {
    mandateLines: {
      number: number;
      strategicObjectives: {
        operationalObjectives: {
          code: string;
          title: string;
          goals: { position: number; title: string; statuses: { narrative: string }[] }[];
          indicators: { position: number; name: string; results: { text: string }[] }[];
        }[];
      }[];
    }[];
  }[];
}

/**
 * Samples goals and indicators from every mandate line and checks that what an auditor reads
 * through GraphQL is the dataset's text, and that this text is the document's own wording.
 */
describe('Livorno texts are verbatim through GraphQL', () => {
  const dataset = readShippedDataset('livorno-dup-2020-2022');
  const source = comparableText(livornoSourceText());
  let t: TestServer;
  let tree: Tree;
  beforeAll(async () => {
    t = await startTestServer({ datasets: [dataset] });
    const res = await t.gql<Tree>(WHOLE_TREE_QUERY);
    expect(res.errors).toBeUndefined();
    tree = res.data!;
  });
  afterAll(() => t.stop());

  const inSource = (text: string) => {
    // Markdown markers added by the importer are not in the source; compare the words.
    const words = comparableText(text.replace(/^#+\s|^\s*[-*]\s|\*\*|\*/gm, ''));
    return words.length === 0 || source.includes(words);
  };

  it('samples at least 30 goals and 30 indicators over all ten lines, all found in the source and equal to the dataset', () => {
    let goals = 0;
    let indicators = 0;
    const linesSeen = new Set<number>();
    for (const line of tree.planEditions[0].mandateLines) {
      const ops = line.strategicObjectives.flatMap((s) => s.operationalObjectives);
      // Every third objective of the line, at least one per line.
      for (const op of ops.filter((_, i) => i % 3 === 0)) {
        for (const goal of op.goals.filter((_, i) => i % 2 === 0)) {
          const expected = dataset.goals.find((g) => g.opCode === op.code && g.order === goal.position)!;
          const status = dataset.goalStatuses.find((s) => s.opCode === op.code && s.goalOrder === goal.position)!;
          expect(goal.title).toBe(expected.title);
          expect(goal.statuses[0].narrative).toBe(status.narrative);
          expect({ op: op.code, goal: goal.position, title: inSource(goal.title) }).toEqual({ op: op.code, goal: goal.position, title: true });
          for (const paragraph of status.narrative.split(/\n{2,}/)) {
            expect({ op: op.code, goal: goal.position, paragraph: paragraph.slice(0, 60), found: inSource(paragraph) }).toMatchObject({ found: true });
          }
          goals += 1;
          linesSeen.add(line.number);
        }
        for (const indicator of op.indicators) {
          const expected = dataset.indicators.find((i) => i.opCode === op.code && i.order === indicator.position)!;
          const result = dataset.indicatorResults.find((r) => r.opCode === op.code && r.indicatorOrder === indicator.position)!;
          expect(indicator.name).toBe(expected.name);
          expect(indicator.results[0].text).toBe(result.text);
          expect({ op: op.code, indicator: indicator.position, found: inSource(indicator.name) && inSource(result.text) }).toMatchObject({ found: true });
          indicators += 1;
        }
      }
    }
    expect(linesSeen.size).toBe(10);
    expect(goals).toBeGreaterThanOrEqual(30);
    expect(indicators).toBeGreaterThanOrEqual(30);
  });

  it('keeps the document\'s odd wordings as printed', () => {
    const all = tree.planEditions[0].mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives));
    const results = all.flatMap((o) => o.indicators.flatMap((i) => i.results.map((r) => r.text)));
    expect(results).toContain('N. .450');
    expect(results.filter((r) => r === 'Rendicontazione al 31.12.2020').length).toBeGreaterThan(40);
    const titles = all.map((o) => o.title);
    expect(titles).toContain('Promuoverne l\'inclusione sociale dei detenuti per aumentare la sicurezza urbana');
  });
});
