import { buildReport } from '../builder';
import type { Block, Cell, ReportModel, Section } from '../model/report-model';
import { renderPdf } from '../render/pdf/render-pdf';
import { pdfPartCacheStats, warmUpReportRenderers } from './report-job';
import { warmUpReportSource } from './warm-up-source';

/** Every block of the model (sections, their children, list items and rich table cells). */
function blocksOf(model: ReportModel): Block[] {
  const out: Block[] = [];
  const visitBlocks = (blocks: Block[]) => {
    for (const b of blocks) {
      out.push(b);
      if (b.kind === 'list') b.items.forEach(visitBlocks);
      if (b.kind === 'table') for (const row of b.table.rows) for (const c of row.cells) if (c.type === 'rich') visitBlocks(c.blocks);
    }
  };
  const visit = (s: Section) => {
    visitBlocks(s.blocks);
    visitBlocks(s.trailingBlocks);
    s.children.forEach(visit);
  };
  model.chapters.forEach(visit);
  return out;
}

describe('warm-up report source', () => {
  const model = buildReport(warmUpReportSource());
  const blocks = blocksOf(model);
  const tables = blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
  const cells: Cell[] = tables.flatMap((t) => t.rows.flatMap((r) => r.cells));

  it('is the same plan for the same seed, and another for another seed', () => {
    expect(JSON.stringify(warmUpReportSource({ seed: 3 }))).toBe(JSON.stringify(warmUpReportSource({ seed: 3 })));
    expect(JSON.stringify(warmUpReportSource({ seed: 3 }))).not.toBe(JSON.stringify(warmUpReportSource({ seed: 4 })));
  });

  it('has every kind of content a real report lays out', () => {
    expect(model.chapters.map((c) => c.kind)).toEqual(['chapter', 'chapter', 'chapter', 'chapter']);
    expect(model.counts.goals).toBeGreaterThan(40);
    expect(model.counts.goalsDeferred).toBeGreaterThan(0);
    expect(blocks.some((b) => b.kind === 'list')).toBe(true);
    expect(blocks.some((b) => b.kind === 'subheading')).toBe(true);
    expect(blocks.some((b) => b.kind === 'paragraph' && b.content.some((r) => r.bold))).toBe(true);
    expect(blocks.some((b) => b.kind === 'paragraph' && b.role === 'deferral')).toBe(true);
    // Goal tables (departments, the lead, active years), indicator tables with groups and rich
    // results, the spending table with totals and a ratio that cannot be computed.
    expect(cells.some((c) => c.type === 'department' && c.lead)).toBe(true);
    expect(cells.some((c) => c.type === 'rich')).toBe(true);
    expect(tables.some((t) => t.rows.some((r) => r.kind === 'group'))).toBe(true);
    expect(tables.some((t) => t.rows.some((r) => r.kind === 'total'))).toBe(true);
    expect(cells.some((c) => c.type === 'ratio' && c.value === null)).toBe(true);
    expect(cells.some((c) => c.type === 'money')).toBe(true);
  });

  it('renders as a PDF of some fifty pages', async () => {
    const pdf = await renderPdf(model);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(35);
    expect(pdf.pageCount).toBeLessThanOrEqual(70);
  });

  it('warms a thread without touching its part cache', async () => {
    const before = { ...pdfPartCacheStats() };
    const { ms } = await warmUpReportRenderers({ rounds: 1, reports: 1, pdfThreads: 0 });
    expect(ms).toBeGreaterThan(0);
    expect(pdfPartCacheStats()).toEqual(before);
  });
});
