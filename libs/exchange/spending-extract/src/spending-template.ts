import { Workbook } from 'exceljs';
import type { SpendingFigures } from '@dup/domain';
import { formatItalianAmount } from './italian-amount';
import { AMOUNT_COLUMNS, EXTRACT_COLUMNS } from './spending-columns';

export interface TemplateProgramme {
  /** `MM.PP`. */
  id: string;
  missionName: string | null;
  programmeName: string;
}

export interface TemplateInput {
  programmes: readonly TemplateProgramme[];
  /** The period's current figures, to start from them (optional). */
  figures?: readonly SpendingFigures[];
  /** e.g. "Spese per Missioni e Programmi al 31/12/2020 — Comune di Livorno". */
  title: string;
}

/** A CSV field that a spreadsheet would run as a formula is written as plain text. */
const neutralise = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function templateRows(input: TemplateInput) {
  const figures = new Map((input.figures ?? []).map((f) => [f.programmeId, f.amounts]));
  return [...input.programmes].sort((a, b) => (a.id < b.id ? -1 : 1)).map((p) => ({ programme: p, amounts: figures.get(p.id) ?? null }));
}

/**
 * The template as an xlsx workbook: one sheet "Spese" with the catalogue's codes and names
 * and, when given, the period's figures. Codes are text (so `01` stays `01`); amounts are
 * numbers with two decimals, which the import reads back exactly.
 */
export async function spendingTemplateXlsx(input: TemplateInput): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'DUP Monitor';
  const sheet = workbook.addWorksheet('Spese', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXTRACT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'programmeName' || c.key === 'missionName' ? 48 : c.key.endsWith('Code') ? 16 : 22,
    style: AMOUNT_COLUMNS.some((a) => a.key === c.key) ? { numFmt: '#,##0.00' } : { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const { programme, amounts } of templateRows(input)) {
    const [missionCode, programmeCode] = programme.id.split('.');
    sheet.addRow({
      missionCode,
      // A string cell of an xlsx is never run as a formula: names are written as they are.
      missionName: programme.missionName ?? '',
      programmeCode,
      programmeName: programme.programmeName,
      // numeric(15,2) has at most 15 significant digits, which a double holds exactly and whose
      // shortest text is the same decimal again: the import reads back the very same cents.
      ...(amounts ? Object.fromEntries(AMOUNT_COLUMNS.map((c) => [c.key, Number(amounts[c.key])])) : {}),
    });
  }
  workbook.title = input.title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same template as CSV: UTF-8 with BOM (Excel then reads the accents), `;`, Italian amounts. */
export function spendingTemplateCsv(input: TemplateInput): Buffer {
  const quote = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [EXTRACT_COLUMNS.map((c) => quote(c.header)).join(';')];
  for (const { programme, amounts } of templateRows(input)) {
    const [missionCode, programmeCode] = programme.id.split('.');
    lines.push(
      [
        missionCode,
        quote(neutralise(programme.missionName ?? '')),
        programmeCode,
        quote(neutralise(programme.programmeName)),
        ...AMOUNT_COLUMNS.map((c) => (amounts ? formatItalianAmount(amounts[c.key]) : '')),
      ].join(';'),
    );
  }
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
