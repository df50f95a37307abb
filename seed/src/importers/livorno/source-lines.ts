/**
 * Turns raw document lines into "logical lines" and classifies them.
 *
 * Heading depth and typography carry no meaning in the converted PDF (the same element shows up
 * as `##`, `**…**`, `<b>…</b>` or plain text, sometimes several fused on one line), so structure
 * is recognised from text patterns only, after splitting fused runs apart.
 */
import { plainText } from './text-cleanup';

export interface SourceLine {
  /** 1-based line number in the source, for error messages and notes. */
  lineNo: number;
  /** Markup of this logical line; for text rows of a table the empty trailing cells are removed. */
  text: string;
  /** Cells of a genuine table row (two or more meaningful cells, or a leading empty cell). */
  cells?: string[];
  /** The line was a table row whose only content is the first cell (`text\t\t\t\t`). */
  textRow?: boolean;
}

export type LineKind =
  | 'blank'
  | 'separator'
  | 'mandateLine'
  | 'directions'
  | 'strategic'
  | 'operational'
  | 'owner'
  | 'mission'
  | 'programme'
  | 'partecipate'
  | 'description'
  | 'goalsHeading'
  | 'goalHeader'
  | 'status'
  | 'deferral'
  | 'indicators'
  | 'chapter4'
  | 'row'
  | 'text';

export interface ClassifiedLine {
  kind: LineKind;
  line: SourceLine;
  plain: string;
  /** Pattern captures, meaning depends on `kind` (code, trailing text, label…). */
  groups: string[];
}

const HEADER_LIKE = /Obiettivo (strategico|operativo)|Missione \d|Programma \d|Responsabile politic|Descrizione dell'obiettivo/;
const LEADING_LABEL = /^(<b>|\*\*)(Descrizione dell'obiettivo|Stato di attuazione (?:al 30\/06\/2020|ad agosto 2020))(<\/b>|\*\*)\s+(\S[\s\S]*)$/;

export function explodeLines(rawLines: string[], firstLineNo: number): SourceLine[] {
  const out: SourceLine[] = [];
  rawLines.forEach((raw, i) => out.push(...explodeLine(raw, firstLineNo + i)));
  return out;
}

function explodeLine(raw: string, lineNo: number): SourceLine[] {
  let text = raw;
  let textRow = false;
  if (raw.includes('\t')) {
    const cells = raw.split('\t');
    const onlyFirst = cells[0].trim() !== '' && cells.slice(1).every((c) => c.trim() === '');
    if (!onlyFirst) return [{ lineNo, text: raw, cells }];
    text = cells[0];
    textRow = true;
  }
  let pieces = [text];
  // `</p> <p>` and `****` glue separate blocks or fields onto one physical line.
  pieces = pieces.flatMap((p) => p.replace(/<\/p>\s*<p>/g, '</p>\n<p>').split('\n'));
  pieces = pieces.flatMap((p) => p.replace(/\*\*\*\*/g, '**\n**').split('\n'));
  pieces = pieces.flatMap((p) => (HEADER_LIKE.test(plainText(p)) ? p.replace(/<\/b>\s*<b>/g, '</b>\n<b>').split('\n') : [p]));
  pieces = pieces.flatMap((p) => {
    const m = LEADING_LABEL.exec(p.replace(/^<p>/, '').trim());
    return m ? [`${m[1]}${m[2]}${m[3]}`, m[4]] : [p];
  });
  return pieces.map((p) => ({ lineNo, text: p, textRow: textRow || undefined }));
}

const DEFERRAL = /^(La finalit\S* sar\S* rendicontata al 31[./]12[./]2020|Rendicontazione completa della finalità al 31[./]12[./]2020)\.?$/;

export function classify(line: SourceLine): ClassifiedLine {
  const make = (kind: LineKind, plain: string, groups: string[] = []): ClassifiedLine => ({ kind, line, plain, groups });
  if (line.cells) {
    const cells = line.cells.map((c) => plainText(c));
    if (cells.every((c) => c === '' || /^-{2,}$/.test(c))) return make(cells.some(Boolean) ? 'separator' : 'blank', '');
    if (/^Settor[ei] coinvolti$/.test(cells[1] ?? '')) return make('goalHeader', cells[0], [cells[1]]);
    return make('row', cells.join(' | '));
  }
  const plain = plainText(line.text);
  if (plain === '') return make('blank', plain);
  if (/^-{2,}$/.test(plain)) return make('separator', plain);
  const rules: [LineKind, RegExp][] = [
    ['mandateLine', /^LINEA DI MANDATO (\d+)\b\s*(.*)$/],
    ['directions', /^Indirizzi strategici$/],
    ['strategic', /^Obiettivo strategico (\d+\.\d+)_ST\b\s*(.*)$/],
    ['operational', /^Obiettivo operativo:?\s*(\d+\.\d+\.\d+)_OP\b\s*(.*)$/],
    ['owner', /^Responsabile (politic[oi])\b:?\s*(.*)$/],
    ['mission', /^Missione (\d+)\s*[-–]?\s*(.*)$/],
    ['programme', /^Programma (\d+)\s*[-–]?\s*(.*)$/],
    ['partecipate', /^Società e(?:d)? enti partecipati coinvolti nella realizzazione dell'obiettivo:\s*(.*)$/],
    ['description', /^Descrizione dell'obiettivo$/],
    ['goalsHeading', /^(Finalità da (?:conseguire|perseguire) .*)$/],
    ['status', /^Stato di attuazione (al 30\/06\/2020|ad agosto 2020)$/],
    ['deferral', DEFERRAL],
    ['indicators', /^Indicatori: risultati raggiunti al 30\/06\/2020$/],
    ['chapter4', /^4\.\s*SPESE PER MISSIONI E PROGRAMMI/],
  ];
  for (const [kind, re] of rules) {
    const m = re.exec(plain);
    if (m) return make(kind, plain, m.slice(1));
  }
  return make('text', plain);
}
