import type { Section } from '../model/report-model';
import { markdownToBlocks } from './markdown-blocks';
import { pageReferenceCodes, resolvePageReferences } from './page-references';
import { section } from './sections';

describe('page references in report texts ({{pagina:CODICE}})', () => {
  it('reads the codes a text refers to', () => {
    expect(pageReferenceCodes('v. {{pagina:9.02.22}} e {{ pagina: 1.01.01 }}; {{pagina:}}')).toEqual(['9.02.22', '1.01.01', '']);
  });

  it('turns a placeholder into a reference run that keeps the emphasis around it', () => {
    const [p] = markdownToBlocks('Si veda **(v., infra, {{pagina:9.02.22}})** oltre.');
    expect(p).toEqual({
      kind: 'paragraph',
      role: 'body',
      content: [
        { text: 'Si veda ' },
        { text: '(v., infra, ', bold: true },
        { text: 'obiettivo 9.02.22', bold: true, pageRef: 'oo-9-02-22' },
        { text: ')', bold: true },
        { text: ' oltre.' },
      ],
    });
  });

  it('keeps a reference to an objective of the report and reads one outside it as plain text', () => {
    const text = (s: string): Section => section('cap-1', 'chapter', '1', { blocks: markdownToBlocks(s) });
    const chapters = [text('{{pagina:9.02.22}} e {{pagina:9.99.99}}'), section('oo-9-02-22', 'operationalObjective', 'Obiettivo operativo 9.02.22_OP')];
    resolvePageReferences(chapters);
    const [p] = chapters[0].blocks;
    expect(p.kind === 'paragraph' && p.content).toEqual([{ text: 'obiettivo 9.02.22', pageRef: 'oo-9-02-22' }, { text: ' e ' }, { text: 'obiettivo 9.99.99' }]);
  });
});
