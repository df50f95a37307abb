/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
/**
 * The allocation-free style lookups installed by pdfmake-fast.ts must answer exactly what
 * pdfmake's own StyleContextStack answers: same overrides, same order, `extends` chains and
 * cycles included. The originals are captured before the fast paths are installed (jest gives
 * this file its own module registry).
 */
const StyleContextStack = require('pdfmake/js/StyleContextStack').default;
const original = { getStyleProperty: StyleContextStack.getStyleProperty, getProperty: StyleContextStack.prototype.getProperty };
import { definedStyleProperties, installPdfmakeFastPaths, STYLE_BITS } from './pdfmake-fast';

const dictionary = {
  body: { fontSize: 9, color: '#222222' },
  label: { extends: 'body', bold: true },
  note: { extends: ['label', 'body'], italics: true, color: null },
  loopA: { extends: 'loopB' },
  loopB: { extends: 'loopA', margin: [1, 2, 3, 4] },
  zero: { fontSize: 0, bold: false },
};
const defaults = { font: 'Titillium', fontSize: 10, lineHeight: 1.1 };
const properties = ['font', 'fontSize', 'color', 'bold', 'italics', 'margin', 'lineHeight', 'alignment', 'noWrap'];
const stacks: unknown[][] = [[], ['body'], ['note', { alignment: 'justify' }], [{ color: 'red' }, 'loopA'], ['zero', 'missing'], ['label', { fontSize: null }]];
const items: unknown[] = [
  {},
  'plain text',
  { text: 'x', fontSize: 12 },
  { text: 'x', style: 'label' },
  { text: 'x', style: ['note', 'zero'] },
  { text: 'x', style: ['loopB', { bold: true }] },
  { section: true, style: 'label' },
  { text: 'x', style: 'missing', color: undefined },
];

function lookups(get: (item: unknown, stack: any, property: string, fallback: unknown) => unknown, getProperty: (this: any, p: string) => unknown) {
  const out: unknown[] = [];
  for (const overrides of stacks) {
    const stack = new StyleContextStack(dictionary, defaults);
    stack.getProperty = getProperty;
    for (const o of overrides) stack.push(o);
    for (const property of properties) {
      out.push(stack.getProperty(property));
      for (const item of items) out.push(get(item, stack, property, 'fallback'), get(item, null, property, 'fallback'));
    }
    expect(stack.styleOverrides).toEqual(overrides);
  }
  return out;
}

describe('pdfmake style lookups (pdfmake-fast.ts)', () => {
  it('answer every property exactly as pdfmake does', () => {
    const expected = lookups(original.getStyleProperty, original.getProperty);
    installPdfmakeFastPaths();
    expect(StyleContextStack.getStyleProperty).not.toBe(original.getStyleProperty);
    const actual = lookups(StyleContextStack.getStyleProperty, StyleContextStack.prototype.getProperty);
    expect(actual).toEqual(expected);
    // The fixture does reach styles, inheritance and the defaults.
    expect(new Set(expected.map((v) => JSON.stringify(v ?? null))).size).toBeGreaterThan(8);
  });

  it('skip only properties that no level defines (TextInlines.measure)', () => {
    const styles = {
      ...dictionary,
      linked: { extends: ['note'], decoration: 'underline', characterSpacing: 0 },
      deep: { extends: 'linked', lineHeight: null },
    };
    const deeper = [[], ['deep'], [{ decoration: null }, 'linked'], ['loopA', { link: 'https://example.org', opacity: 0 }], [{ preserveLeadingSpaces: false }, 'missing']];
    const words: unknown[] = [...items, { text: 'x', style: ['deep'] }, { text: 'x', sup: false, noWrap: null }, { text: 'x', style: { background: 'yellow' } }];
    let looked = 0;
    for (const overrides of deeper)
      for (const withDefaults of [defaults, undefined]) {
        const stack = new StyleContextStack(styles, withDefaults);
        for (const o of overrides) stack.push(o);
        for (const word of words) {
          const defined = definedStyleProperties(word, stack);
          for (const [property, bit] of STYLE_BITS) {
            const value = original.getStyleProperty(word, stack, property, 'fallback');
            if (defined & bit) looked++;
            else expect([property, value]).toEqual([property, 'fallback']);
          }
        }
      }
    // Not vacuous: many lookups remain, and most are skipped.
    expect(looked).toBeGreaterThan(100);
    expect(looked).toBeLessThan(deeper.length * 2 * words.length * STYLE_BITS.size / 2);
  });
});
