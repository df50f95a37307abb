import type { Block, ReportCover, ReportModel, Section, SectionKind } from '../../model/report-model';

/**
 * Splitting the report into independently rendered parts.
 *
 * The document is a sequence of section heads (title + blocks) and section tails (trailing
 * blocks) in reading order. A part is a run of that sequence that starts on a new page: the
 * front part (cover + SOMMARIO) and then runs cut only where the model itself asks for a page
 * break (`pageBreakBefore`), so rendering the parts separately lays out exactly the pages a
 * single pass would. Each part carries only its own slice of the model, so a worker thread is
 * sent (and keeps) only that.
 */

/** A section as a part needs it: no children (they are separate items). */
export interface SectionHead {
  id: string;
  kind: SectionKind;
  title: string;
  pageBreakBefore: boolean;
  landscape?: boolean;
  blocks: Block[];
}

export type PartItem =
  | { t: 'head'; section: SectionHead; /** record where the heading lands (TOC/outline destination) */ anchor: boolean }
  | { t: 'trail'; id: string; blocks: Block[] };

export interface TocEntry {
  id: string;
  label: string;
  /** 0 for chapters (bold), 1 below. */
  level: number;
}

export type PdfPartTask =
  { kind: 'front'; index: number; cover: ReportCover; tocTitle: string; tocEntries: TocEntry[] } | { kind: 'body'; index: number; items: PartItem[] };

/** Where a marked line landed in a part: 1-based page within the part, top and height in points. */
export interface LineBox {
  page: number;
  top: number;
  height: number;
  /** Baseline offset from `top` of the line's first text. */
  ascent: number;
  left: number;
  width: number;
}

export interface PdfPartResult {
  index: number;
  bytes: Uint8Array;
  pageCount: number;
  /** Section id → where its heading is. */
  anchors: Record<string, LineBox>;
  /** Section id → where its SOMMARIO entry is (front part only). */
  tocEntries: Record<string, LineBox>;
  /** Text to print over the part's pages once assembled ("(segue)" in a continued table). */
  stamps: TextStamp[];
  /** Slots left in running text for the page of a referenced section (`{{pagina:…}}`). */
  pageRefs?: PageRefSlot[];
  /** Milliseconds spent laying out and writing this part (for measurements). */
  renderMs: number;
}

/** A short text stamped at assembly: 1-based page within the part, baseline from the page top. */
export interface TextStamp {
  page: number;
  x: number;
  baseline: number;
  text: string;
  fontSize: number;
}

/** Where the number of a page reference goes: 1-based page within the part, baseline from the top. */
export interface PageRefSlot {
  page: number;
  x: number;
  baseline: number;
  fontSize: number;
  bold: boolean;
  /** Section id whose page is printed. */
  target: string;
}

/** Runs part tasks somewhere (this thread, a worker pool). */
export interface PdfPartRunner {
  run(task: PdfPartTask): Promise<PdfPartResult>;
  /** How many parts it renders at once (used to size the parts). Default 1. */
  readonly parallelism?: number;
}

/** A rough measure of the work a piece of content takes to lay out (characters, table cells). */
export function blocksWeight(blocks: Block[]): number {
  let w = 0;
  for (const b of blocks) {
    switch (b.kind) {
      case 'paragraph':
      case 'subheading':
        for (const r of b.content) w += r.text.length + 20;
        break;
      case 'list':
        for (const item of b.items) w += blocksWeight(item) + 20;
        break;
      case 'table':
        for (const row of b.table.rows)
          for (const c of row.cells)
            w += c.type === 'text' ? c.text.length + 30 : c.type === 'rich' ? blocksWeight(c.blocks) + 30 : c.type === 'department' ? c.name.length + 30 : 30;
        w += b.table.columns.reduce((s, c) => s + c.header.length + 30, 0);
        break;
      case 'pageBreak':
        break;
    }
  }
  return w;
}

/** The document as a flat item sequence, with the weight of each item. */
function flatten(model: ReportModel): { item: PartItem; weight: number }[] {
  const out: { item: PartItem; weight: number }[] = [];
  const visit = (s: Section) => {
    const head: SectionHead = {
      id: s.id,
      kind: s.kind,
      title: s.title,
      pageBreakBefore: s.pageBreakBefore,
      ...(s.landscape ? { landscape: true } : {}),
      blocks: s.blocks,
    };
    out.push({ item: { t: 'head', section: head, anchor: s.inToc || s.inOutline }, weight: s.title.length + 40 + blocksWeight(s.blocks) });
    for (const c of s.children) visit(c);
    if (s.trailingBlocks.length) out.push({ item: { t: 'trail', id: s.id, blocks: s.trailingBlocks }, weight: blocksWeight(s.trailingBlocks) });
  };
  for (const ch of model.chapters) visit(ch);
  return out;
}

/** The whole document's weight (see blocksWeight): Livorno's 156-page report weighs about 712 000. */
export function documentWeight(model: ReportModel): number {
  return flatten(model).reduce((sum, f) => sum + f.weight, 0);
}

export function tocEntries(model: ReportModel): TocEntry[] {
  const out: TocEntry[] = [];
  const visit = (s: Section, level: number) => {
    if (s.inToc) out.push({ id: s.id, label: s.tocLabel ?? s.title, level: s.kind === 'chapter' ? 0 : Math.max(1, level) });
    for (const c of s.children) visit(c, s.inToc ? level + 1 : level);
  };
  for (const ch of model.chapters) visit(ch, 0);
  return out;
}

const MIN_PART_WEIGHT = 20_000;
const MAX_PART_WEIGHT = 120_000;

export interface PartPlan {
  tasks: PdfPartTask[];
  /** Estimated weight of each task (same order), for scheduling. */
  weights: number[];
}

/**
 * Cuts the document into parts at natural page breaks. Consecutive runs are merged up to
 * `targetWeight` so there are few enough parts to keep the per-part cost (fonts, PDF
 * structure) low, and enough for the workers to share the load.
 */
export function planParts(model: ReportModel, opts: { targetWeight?: number; parallelism?: number } = {}): PartPlan {
  const flat = flatten(model);
  const total = flat.reduce((s, f) => s + f.weight, 0);
  const parallelism = Math.max(1, opts.parallelism ?? 2);
  // Enough parts for balancing (about 4 per worker), not tiny ones (each part has a fixed cost:
  // a pdfmake document, font subsets), and none so large that a worker's memory grows with the
  // report: a part is at most ~120 000 (about 30 pages), unless a single run between two page
  // breaks is larger.
  const target = opts.targetWeight ?? Math.min(MAX_PART_WEIGHT, Math.max(MIN_PART_WEIGHT, Math.ceil(total / (parallelism * 4))));

  // Runs between natural page breaks.
  const runs: { items: PartItem[]; weight: number }[] = [];
  for (const f of flat) {
    const breaks = f.item.t === 'head' && f.item.section.pageBreakBefore;
    if (breaks || runs.length === 0) runs.push({ items: [], weight: 0 });
    const run = runs[runs.length - 1];
    run.items.push(f.item);
    run.weight += f.weight;
  }

  const tasks: PdfPartTask[] = [{ kind: 'front', index: 0, cover: model.cover, tocTitle: model.tocTitle, tocEntries: tocEntries(model) }];
  const weights: number[] = [2_000];
  let current: { items: PartItem[]; weight: number } | null = null;
  for (const run of runs) {
    if (current && current.weight + run.weight > target) {
      tasks.push({ kind: 'body', index: tasks.length, items: current.items });
      weights.push(current.weight);
      current = null;
    }
    if (!current) current = { items: [], weight: 0 };
    current.items.push(...run.items);
    current.weight += run.weight;
  }
  if (current) {
    tasks.push({ kind: 'body', index: tasks.length, items: current.items });
    weights.push(current.weight);
  }
  return { tasks, weights };
}
