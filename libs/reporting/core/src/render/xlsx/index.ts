/**
 * Excel (xlsx) rendition of the report, written with exceljs from `model.datasets` (plus
 * `meta` and `runningHeader`); pure: no database, no business computation.
 *
 * - Sheets, in order: Sintesi, Obiettivi, Finalità, Indicatori, Spese. Each has the title in
 *   row 1, the optional grouped header (merged), the column header (frozen, filtered, repeated
 *   on printed pages), the rows, then the footnotes. A4, landscape for wide sheets, fit to width.
 *   Sintesi adds a row "Ambito del rapporto" (the scope label, or "Intero documento").
 * - Typed cells: money → number `#,##0.00`; ratio → fraction `0.00%` (the model's percent units
 *   divided by 100 on the string); date → date `dd/mm/yyyy`; integer → number `#,##0`;
 *   flag → "•"; department → name + " (capofila)"; rich → plain text ("- " list lines).
 *   Number formats are stored with the file format's invariant separators and shown with the
 *   viewer's locale: an Italian Excel or LibreOffice prints 1.234.567,89 and 34,90%.
 * - Spending (and any table with subtotal/total rows): subtotals are `SUM` over the data rows
 *   since the previous subtotal, the total is `SUM` of the subtotal cells, ratios are
 *   `IFERROR(num/den,"n.c.")`. Cached results are the model's exact values, so a viewer that
 *   does not recalculate shows the same figures as the PDF; Excel recalculates on opening.
 * - Texts are always string cells (shared strings), never formulas; those starting with
 *   = + - @ tab or CR also get the text format `@`, so re-entering the cell keeps them text.
 *   (exceljs 4.4 cannot write the `quotePrefix` attribute.)
 */
export { renderXlsx, XLSX_SHEETS, SCOPE_ROW_LABEL, FULL_SCOPE_LABEL } from './render-xlsx';
export { NUM_FMT } from './xlsx-styles';
