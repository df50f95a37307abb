/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
/**
 * The word splitting installed by pdfmake-fast.ts must give exactly pdfmake's words: same break
 * opportunities (linebreak's UAX #14 classes), same line ends, same glued words (noNewLine), same
 * copied styles. The expected words are computed before the fast paths are installed (jest gives
 * this file its own module registry).
 */
const TextBreaker = require('pdfmake/js/TextBreaker').default;
const StyleContextStack = require('pdfmake/js/StyleContextStack').default;
import { installPdfmakeFastPaths } from './pdfmake-fast';

const texts: unknown[] = [
  'Nel corso del primo semestre sono state avviate le procedure previste.',
  'dell’ente, l’attività è “conclusa” (al 30/06/2020): 34,90% — €1.234.567,89; n.c.',
  'a-b c/d e–f 1.5 v.2 ab.5 12:30 x+y https://www.comune.livorno.it/servizi?x=1&y=2',
  'riga uno\nriga due\r\nriga tre\rriga quattro\n\nfine',
  'spazi   multipli\tcon tab e\u00a0nbsp e\u202fnnbsp',
  'non-BMP 𝔸𝔹 emoji 🙂 e combinanti e\u0301 fine ',
  '   inizio con spazi',
  '',
  42,
  null,
  'Parola',
];
const items: unknown[][] = [
  ...texts.map((t) => [t]),
  [{ text: 'grassetto', bold: true }, { text: 'attaccato', italics: true }, ' poi spazio'],
  [{ text: 'Missione ', style: 'p_note' }, { text: '01', noWrap: true }, 'Servizi istituzionali'],
  [{ text: 'abc def', noWrap: true }, 'ghi'],
  [{ text: 'x\ny', wordBreak: 'break-all' }, 'z'],
  [{ text: 'fine riga\n' }, { text: 'nuova' }],
  ['prima', { text: '' }, 'seconda'],
];

function breaks(stack: unknown) {
  const breaker = new TextBreaker();
  return items.map((list) => breaker.getBreaks(list.length === 1 ? list[0] : list, stack));
}

describe('pdfmake word splitting (pdfmake-fast.ts)', () => {
  it('splits every text into the words pdfmake makes', () => {
    const stack = new StyleContextStack({ p_note: { fontSize: 8 } }, { font: 'Titillium' });
    const expected = breaks(stack);
    installPdfmakeFastPaths();
    const actual = breaks(stack);
    expect(actual).toEqual(expected);
    // The fixture does reach line ends, glued words and copied styles.
    const flat = expected.flat();
    expect(flat.some((w: any) => w.lineEnd)).toBe(true);
    expect(flat.some((w: any) => w.noNewLine)).toBe(true);
    expect(flat.some((w: any) => w.bold)).toBe(true);
    expect(flat.length).toBeGreaterThan(80);
  });
});
