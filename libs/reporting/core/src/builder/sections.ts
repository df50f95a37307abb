import type { Section } from '../model/report-model';

/** A section with the defaults of the model: not in the TOC or outline, no content. */
export function section(id: string, kind: Section['kind'], title: string, opts: Partial<Omit<Section, 'id' | 'kind' | 'title'>> = {}): Section {
  return {
    id,
    kind,
    title,
    tocLabel: opts.tocLabel ?? null,
    inToc: opts.inToc ?? false,
    inOutline: opts.inOutline ?? false,
    pageBreakBefore: opts.pageBreakBefore ?? false,
    ...(opts.landscape ? { landscape: true } : {}),
    blocks: opts.blocks ?? [],
    children: opts.children ?? [],
    trailingBlocks: opts.trailingBlocks ?? [],
  };
}
