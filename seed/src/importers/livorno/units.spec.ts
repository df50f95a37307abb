import { interpretDepartmentRows, readGridRow } from './departments';
import { toMarkdown } from './markdown';
import { classifyIndicator, classifyResult } from './result-classifier';
import { classify, explodeLines } from './source-lines';

const lines = (...texts: string[]) => texts.map((text, i) => ({ lineNo: i + 1, text }));

describe('markdown conversion', () => {
  it('turns HTML lists into Markdown lists without the printed bullet glyph', () => {
    expect(toMarkdown(lines('Intro:<ul style="x"> <li>➤ uno;</li> <li>- due.</li> </ul>'))).toBe('Intro:\n\n- uno;\n- due.');
  });
  it('joins a paragraph cut by a page break and drops separator lines', () => {
    expect(toMarkdown(lines('il lavoro di elaborazione della', '', '---', '', 'progettualità, anche.'))).toBe('il lavoro di elaborazione della progettualità, anche.');
  });
  it('demotes headings inside narratives', () => {
    expect(toMarkdown(lines('## A', '', '### **B**'), { demoteHeadings: true })).toBe('### A\n\n#### B');
  });
});

describe('line explosion and classification', () => {
  it('splits fused bold header runs', () => {
    const kinds = explodeLines(['**Obiettivo operativo 2.01.01_OP****Elevare il livello****Responsabile politico Assessore Andrea Raspanti**'], 1).map((l) => classify(l).kind);
    expect(kinds).toEqual(['operational', 'text', 'owner']);
  });
  it('recognises a status label followed by text on the same line', () => {
    const exploded = explodeLines(['<b>Stato di attuazione al 30/06/2020</b> Nel corso del 2020, si sono svolti'], 1);
    expect(exploded.map((l) => classify(l).kind)).toEqual(['status', 'text']);
  });
});

describe('departments grid', () => {
  it('reads a split Capofila row and an implied one', () => {
    const grid = ['\t<u>Capofila</u>\t•\t•\t•', '\tUrbanistica e programmi complessi\t\t\t', '\tEdilizia privata e SUAP\t•\t•\t•'].map((text, i) => readGridRow({ lineNo: i, text, cells: text.split('\t') })!);
    expect(interpretDepartmentRows(grid).rows.map((r) => [r.departmentCode, r.lead, r.years.length])).toEqual([['URB_PROG', true, 3], ['EDIL_SUAP', false, 3]]);
  });
  it('rejects an unknown department', () => {
    expect(() => interpretDepartmentRows([{ lineNo: 1, name: 'Settore inesistente', years: [2020] }])).toThrow(/unknown department/);
  });
});

describe('result and indicator classification', () => {
  it.each([
    ['N. 17', { status: 'REPORTED', value: '17' }],
    ['N.26', { status: 'REPORTED', value: '26' }],
    ['N 3', { status: 'REPORTED', value: '3' }],
    ['N. 157.127', { status: 'REPORTED', value: '157127' }],
    ['N. .450', { status: 'REPORTED' }],
    ['30.000 mq', { status: 'REPORTED', value: '30000', unit: 'mq' }],
    ['Totale mq. 3.600', { status: 'REPORTED' }],
    ['Rendicontazione al 31/12/2020', { status: 'DEFERRED', deferredTo: '2020-12-31' }],
    ['Dato disponibile al 31.12.2020', { status: 'DEFERRED', deferredTo: '2020-12-31' }],
    ['Indicatore relativo al 2021 e 2022', { status: 'NOT_YET_APPLICABLE' }],
    ['Sospesa a causa dell\'emergenza sanitaria', { status: 'SUSPENDED' }],
    ['', { status: 'EMPTY' }],
  ])('"%s"', (text, expected) => {
    expect(classifyResult(text)).toEqual(expected);
  });
  it('guesses kinds from the name', () => {
    expect(classifyIndicator('N. incidenti stradali in un anno')).toEqual({ kind: 'COUNT', polarity: 'LOWER_IS_BETTER' });
    expect(classifyIndicator('Adozione del piano')).toEqual({ kind: 'MILESTONE', polarity: 'NONE' });
    expect(classifyIndicator('Tratte di collettori')).toEqual({ kind: 'TEXT', polarity: 'NONE' });
  });
});
