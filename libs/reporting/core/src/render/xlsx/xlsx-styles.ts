import type { Alignment, Borders, Fill, Font, Style } from 'exceljs';

/**
 * Cell styles of the workbook. exceljs resolves a cell's style to a style id through a WeakMap
 * keyed by the style *object*, so every cell with the same look shares one frozen object from
 * {@link StyleBook}: no per-cell style objects, one lookup per distinct style when writing.
 *
 * Colours follow the report palette (reports/styles/report-style.json): header #dfe6ee on
 * #13263f text, group rows #eef1f5, subtotals #f3f5f7, the grand total #d5dde7, rules #c9d0d8.
 */

/**
 * Number formats. They are written with the invariant separators of the file format; Excel and
 * LibreOffice show them with the viewer's locale, so in an Italian installation `#,##0.00`
 * prints "1.234.567,89", `0.00%` prints "34,90%" and `dd/mm/yyyy` prints "30/06/2020".
 */
export const NUM_FMT = {
  general: 'General',
  /** Text format: what the user types into the cell stays text (no formula). */
  text: '@',
  integer: '#,##0',
  money: '#,##0.00',
  percent: '0.00%',
  date: 'dd/mm/yyyy',
} as const;
export type NumFmtKey = keyof typeof NUM_FMT;

/** Row roles inside a table, plus the free rows around it. */
export type StyleRole = 'header' | 'data' | 'group' | 'subtotal' | 'total';

const RULE: Borders['top'] = { style: 'thin', color: { argb: 'FFC9D0D8' } };
const BORDERS: Partial<Borders> = { top: RULE, left: RULE, bottom: RULE, right: RULE };

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });
const FILLS: Record<StyleRole, Fill | undefined> = {
  header: solid('FFDFE6EE'),
  data: undefined,
  group: solid('FFEEF1F5'),
  subtotal: solid('FFF3F5F7'),
  total: solid('FFD5DDE7'),
};

/**
 * Every font is complete (name, family, size): a font element with only `<b/>` makes LibreOffice
 * fall back to another family. Calibri 11 is exceljs's (and Excel's) default font.
 */
const FONT_BASE: Partial<Font> = { name: 'Calibri', family: 2, size: 11 };
const FONT_BOLD: Partial<Font> = { ...FONT_BASE, bold: true };
const FONT_HEADER: Partial<Font> = { ...FONT_BASE, bold: true, color: { argb: 'FF13263F' } };

export interface CellStyleKey {
  role: StyleRole;
  fmt: NumFmtKey;
  align: 'left' | 'center' | 'right';
  wrap: boolean;
  bold: boolean;
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}

export class StyleBook {
  private readonly cache = new Map<string, Partial<Style>>();

  /** The shared style object for a table cell. */
  cell(key: CellStyleKey): Partial<Style> {
    const id = `${key.role}|${key.fmt}|${key.align}|${key.wrap ? 1 : 0}|${key.bold ? 1 : 0}`;
    let style = this.cache.get(id);
    if (!style) {
      const alignment: Partial<Alignment> = {
        horizontal: key.align,
        vertical: key.role === 'header' ? 'middle' : 'top',
        wrapText: key.wrap || key.role === 'header',
      };
      const fill = FILLS[key.role];
      style = {
        numFmt: NUM_FMT[key.fmt],
        alignment,
        border: BORDERS,
        ...(key.role === 'header' ? { font: FONT_HEADER } : key.bold ? { font: FONT_BOLD } : {}),
        ...(fill ? { fill } : {}),
      };
      this.cache.set(id, deepFreeze(style));
    }
    return style;
  }

  /** Sheet title above the table. */
  readonly title: Partial<Style> = deepFreeze({ font: { ...FONT_BASE, bold: true, size: 13, color: { argb: 'FF1F3A5F' } }, alignment: { vertical: 'middle' } });

  /** A grouped header cell spanning several columns. */
  readonly headerGroup: Partial<Style> = deepFreeze({
    font: FONT_HEADER,
    fill: FILLS.header,
    border: BORDERS,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  });

  /** Footnotes under the table. */
  readonly footnote: Partial<Style> = deepFreeze({ font: { ...FONT_BASE, italic: true, size: 9, color: { argb: 'FF555F6B' } } });
}
