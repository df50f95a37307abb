import type { Block, ReportModel, Section } from '../../../model/report-model';

function renameBlocks(blocks: Block[], suffix: string): Block[] {
  return blocks.map((b) => {
    if (b.kind === 'table') return { ...b, table: { ...b.table, id: b.table.id + suffix } };
    if (b.kind === 'list') return { ...b, items: b.items.map((item) => renameBlocks(item, suffix)) };
    return b;
  });
}

function renameSection(s: Section, suffix: string): Section {
  return {
    ...s,
    id: s.id + suffix,
    blocks: renameBlocks(s.blocks, suffix),
    children: s.children.map((c) => renameSection(c, suffix)),
    trailingBlocks: renameBlocks(s.trailingBlocks, suffix),
  };
}

/**
 * A model `factor` times larger for measurements: chapter 3's mandate-line sections repeated
 * `factor` times (copies get new ids and SOMMARIO labels "3.N …" numbered on). Blocks and rows
 * are shared with the original (the renderer never modifies the model).
 */
export function scaleModelForPdf(model: ReportModel, factor: number): ReportModel {
  const chapters = model.chapters.map((ch) => {
    const lines = ch.children.filter((c) => c.kind === 'mandateLine');
    if (lines.length === 0 || factor <= 1) return ch;
    const children: Section[] = ch.children.filter((c) => c.kind !== 'mandateLine');
    let n = 0;
    const prefix = /^(\S+)\.\d+\s/.exec(lines[0].tocLabel ?? '')?.[1] ?? '3';
    for (let k = 0; k < factor; k++) {
      for (const line of lines) {
        n++;
        const copy = k === 0 ? line : renameSection(line, `-x${k + 1}`);
        const label = line.tocLabel ? line.tocLabel.replace(/^\S+\s/, `${prefix}.${n} `) : null;
        children.push({ ...copy, tocLabel: label });
      }
    }
    return { ...ch, children };
  });
  return { ...model, chapters };
}
