import type { Block, Inline, Section, TextRun } from '../model/report-model';

/**
 * Cross-references inside configurable report texts. A printed page number typed into a text
 * goes stale with every layout change, so texts write `{{pagina:9.02.22}}` (an operational
 * objective's code) and each renderer fills it: the PDF with "pag. N" (the page where the
 * objective's heading lands, linked to it), HTML with a link to the objective's anchor, Excel
 * and plain text with "obiettivo 9.02.22".
 */
export const PAGE_REFERENCE_SYNTAX = '{{pagina:CODICE}}';
const PAGE_REFERENCE = /\{\{\s*pagina\s*:\s*([^}\s]*)\s*\}\}/g;

/** Section id of the operational objective with that code (see build-report). */
export const objectiveSectionId = (code: string) => `oo-${code.replace(/\./g, '-')}`;

/** What a reference reads as where no page numbers exist. */
export const pageReferenceText = (code: string) => `obiettivo ${code}`;

/** Objective codes referred to by a markdown text, in order (duplicates kept). */
export function pageReferenceCodes(markdown: string): string[] {
  return [...(markdown ?? '').matchAll(PAGE_REFERENCE)].map((m) => m[1]);
}

/** Splits the placeholders of a run into reference runs that keep the run's emphasis. */
export function splitPageReferences(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    let at = 0;
    for (const m of run.text.matchAll(PAGE_REFERENCE)) {
      if (m.index > at) out.push({ ...run, text: run.text.slice(at, m.index) });
      const { link: _link, ...marks } = run;
      out.push({ ...marks, text: pageReferenceText(m[1]), pageRef: objectiveSectionId(m[1]) });
      at = m.index + m[0].length;
    }
    if (at === 0) out.push(run);
    else if (at < run.text.length) out.push({ ...run, text: run.text.slice(at) });
  }
  return out;
}

/**
 * Keeps only the references whose objective is in the report: one left out (a report scoped to
 * one mandate line, an objective removed after the text was saved) reads as plain
 * "obiettivo 9.02.22", with no page and no link.
 */
export function resolvePageReferences(chapters: Section[]): void {
  const ids = new Set<string>();
  const collect = (s: Section) => {
    ids.add(s.id);
    s.children.forEach(collect);
  };
  chapters.forEach(collect);
  const inline = (content: Inline) => {
    for (const run of content) if (run.pageRef && !ids.has(run.pageRef)) delete run.pageRef;
  };
  const blocks = (list: Block[]) => {
    for (const b of list) {
      if (b.kind === 'paragraph' || b.kind === 'subheading') inline(b.content);
      else if (b.kind === 'list') b.items.forEach(blocks);
    }
  };
  const walk = (s: Section) => {
    blocks(s.blocks);
    blocks(s.trailingBlocks ?? []);
    s.children.forEach(walk);
  };
  chapters.forEach(walk);
}
