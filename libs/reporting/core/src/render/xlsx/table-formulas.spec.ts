import type { Cell, Row, Table } from '../../model/report-model';
import { columnLetter, tableFormulas } from './table-formulas';
import { decimalToNumber, percentToFraction } from './decimal';
import { cellText, flattenBlocks, looksLikeFormula, MAX_CELL_CHARS } from './cell-text';

const money = (value: string): Cell => ({ type: 'money', value });
const row = (kind: Row['kind'], ...cells: Cell[]): Row => ({ kind, cells });
const label = (text: string): Cell => ({ type: 'text', text });

function spending(rows: Row[]): Table {
  return {
    id: 't',
    caption: 't',
    captionVisible: true,
    columns: [
      { key: 'label', header: 'Voce', type: 'text', width: 1, align: 'left' },
      { key: 'a', header: 'A', type: 'money', width: 1, align: 'right' },
      { key: 'b', header: 'B', type: 'money', width: 1, align: 'right' },
      { key: 'r', header: 'B/A', type: 'ratio', width: 1, align: 'right' },
    ],
    rows,
    repeatHeader: true,
    footnotes: [],
  };
}

const ratio: Cell = { type: 'ratio', value: '50.00', numeratorColumn: 'b', denominatorColumn: 'a' };

describe('tableFormulas', () => {
  it('splits subtotal ranges at group rows and adds uncovered data rows to the total', () => {
    const t = spending([
      row('group', label('Gruppo'), { type: 'empty' }, { type: 'empty' }, { type: 'empty' }),
      row('data', label('x'), money('1'), money('2'), ratio),
      row('group', label('Gruppo 2'), { type: 'empty' }, { type: 'empty' }, { type: 'empty' }),
      row('data', label('y'), money('1'), money('2'), ratio),
      row('data', label('z'), money('1'), money('2'), ratio),
      row('subtotal', label('S1'), money('3'), money('6'), ratio),
      row('data', label('w'), money('1'), money('2'), ratio),
      row('total', label('T'), money('4'), money('8'), ratio),
    ]);
    const f = tableFormulas(t, 5);
    expect(f[5][1]).toBe('SUM(B6,B8:B9)');
    expect(f[7][1]).toBe('SUM(B10,B11)');
    expect(f[7][2]).toBe('SUM(C10,C11)');
    expect(f[1][3]).toBe('IFERROR(C6/B6,"n.c.")');
    expect(f[0]).toEqual([]);
    expect(f[1][1]).toBeUndefined();
  });

  it('writes no formula for an empty segment or a ratio without amount columns', () => {
    const t = spending([
      row('subtotal', label('S'), money('0'), money('0'), { type: 'ratio', value: null, numeratorColumn: '', denominatorColumn: '' }),
    ]);
    expect(tableFormulas(t, 3)[0]).toEqual([]);
  });

  it('nests SUM when a total has more than 255 subtotals', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 300; i++) rows.push(row('data', label('d'), money('1'), money('1'), ratio), row('subtotal', label('s'), money('1'), money('1'), ratio));
    rows.push(row('total', label('T'), money('300'), money('300'), ratio));
    const f = tableFormulas(spending(rows), 1);
    const total = f[rows.length - 1][1] ?? '';
    expect(total.startsWith('SUM(SUM(B2,B4,')).toBe(true);
    expect(total.split(',').length).toBe(300);
  });

  it('names columns like Excel', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('decimal conversions', () => {
  it('converts exact decimals at the cell boundary', () => {
    expect(decimalToNumber('475193437.97')).toBe(475193437.97);
    expect(decimalToNumber('-0.50')).toBe(-0.5);
  });
  it('turns percent units into fractions without float noise', () => {
    expect(percentToFraction('34.90')).toBe(0.349);
    expect(percentToFraction('34.9')).toBe(0.349);
    expect(percentToFraction('0.07')).toBe(0.0007);
    expect(percentToFraction('100.00')).toBe(1);
    expect(percentToFraction('1234.5')).toBe(12.345);
    expect(percentToFraction('-5')).toBe(-0.05);
    expect(() => percentToFraction('abc')).toThrow();
  });
});

describe('cell texts', () => {
  it('recognises formula-like texts', () => {
    expect(['=A1', '+1', '-1', '@x', '\tx', '\rx'].every(looksLikeFormula)).toBe(true);
    expect(looksLikeFormula('Totale')).toBe(false);
  });
  it('normalises line ends and cuts at the Excel cell limit', () => {
    expect(cellText('a\r\nb\rc')).toBe('a\nb\nc');
    const long = cellText('x'.repeat(MAX_CELL_CHARS + 10));
    expect(long.length).toBe(MAX_CELL_CHARS);
    expect(long.endsWith('[…]')).toBe(true);
  });
  it('flattens headings, tables and mail links', () => {
    expect(
      flattenBlocks([
        { kind: 'subheading', level: 1, content: [{ text: 'Titolo' }] },
        { kind: 'paragraph', role: 'body', content: [{ text: 'Scrivere a ' }, { text: 'ufficio', link: 'mailto:dup@comune.it' }] },
        { kind: 'pageBreak' },
        { kind: 'table', table: { ...spending([row('data', label('x'), money('1.50'), money('2'), ratio)]), footnotes: ['nota'] } },
      ]),
    ).toBe('Titolo\nScrivere a ufficio (dup@comune.it)\nVoce | A | B | B/A\nx | 1.50 | 2 | 50.00%\nnota');
  });
});
