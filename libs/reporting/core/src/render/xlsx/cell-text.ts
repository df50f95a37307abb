import type { Block, Inline, Table } from '../../model/report-model';

/** Excel's hard limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;

/** Appended when a text had to be cut at {@link MAX_CELL_CHARS}. */
export const TRUNCATION_MARK = ' […]';

/**
 * Characters that make a spreadsheet (or a CSV exported from it) treat a cell typed or pasted
 * by a user as a formula. Leading tab and CR are part of the usual CSV-injection list; LF is
 * included because {@link cellText} turns a CR into one.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r\n]/;

/** Whether a text would be read as a formula if someone re-entered it in the cell. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/**
 * Text as written to a cell: line endings normalised to LF (a bare CR would not survive the
 * XML of the sheet anyway) and cut to Excel's limit. Everything else is kept as is; exceljs
 * drops the control characters XML cannot carry.
 */
export function cellText(text: string): string {
  const normalised = text.indexOf('\r') >= 0 ? text.replace(/\r\n?/g, '\n') : text;
  if (normalised.length <= MAX_CELL_CHARS) return normalised;
  return normalised.slice(0, MAX_CELL_CHARS - TRUNCATION_MARK.length) + TRUNCATION_MARK;
}

/** Runs as plain text; a link whose target differs from its text keeps the target in brackets. */
export function inlineText(content: Inline): string {
  let out = '';
  for (const run of content) {
    out += run.text;
    if (run.link) {
      const target = run.link.startsWith('mailto:') ? run.link.slice('mailto:'.length) : run.link;
      if (target !== run.text) out += ` (${target})`;
    }
  }
  return out;
}

function tableLines(table: Table, indent: string, out: string[]): void {
  out.push(indent + table.columns.map((c) => c.header).join(' | '));
  for (const row of table.rows) {
    out.push(
      indent +
        row.cells
          .map((c) => {
            switch (c.type) {
              case 'text':
                return c.text;
              case 'rich':
                return blocksToLines(c.blocks, '').join(' ');
              case 'department':
                return departmentText(c.name, c.lead, c.note);
              case 'flag':
                return c.on ? '•' : '';
              case 'integer':
                return String(c.value);
              case 'number':
                return c.value;
              case 'money':
                return c.value;
              case 'ratio':
                return c.value === null ? 'n.c.' : `${c.value}%`;
              case 'date':
                return c.value;
              case 'empty':
                return '';
            }
          })
          .join(' | '),
    );
  }
  for (const note of table.footnotes) out.push(indent + note);
}

function blocksToLines(blocks: Block[], indent: string): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
      case 'subheading':
        out.push(indent + inlineText(block.content));
        break;
      case 'list':
        block.items.forEach((item, i) => {
          const marker = block.ordered ? `${block.start + i}. ` : '- ';
          const lines = blocksToLines(item, '');
          const pad = ' '.repeat(marker.length);
          lines.forEach((line, j) => out.push(indent + (j === 0 ? marker : pad) + line));
          if (lines.length === 0) out.push(indent + marker.trimEnd());
        });
        break;
      case 'table':
        tableLines(block.table, indent, out);
        break;
      case 'pageBreak':
        break;
    }
  }
  return out;
}

/**
 * Plain-text flattening of rich content: one line per paragraph or heading, list items as
 * "- " lines ("1. " for ordered lists, from the list's start number), nested content indented
 * under its marker, tables as " | "-separated lines.
 */
export function flattenBlocks(blocks: Block[]): string {
  return blocksToLines(blocks, '').join('\n');
}

/** A department cell as text: "Settore Ambiente (capofila)", plus its note when present. */
export function departmentText(name: string, lead: boolean, note: string | null): string {
  return name + (lead ? ' (capofila)' : '') + (note ? ` – ${note}` : '');
}
