/**
 * Rebuilds CommonMark from the converter's mix of Markdown and HTML, keeping the wording verbatim.
 *
 * Only conversion artefacts go: HTML tags become their Markdown equivalent, separator lines and
 * runs of blank lines left by page breaks disappear, and a paragraph that a page break cut in two
 * (the second half starts in lower case after an unterminated first half) is joined again.
 */
import type { SourceLine } from './source-lines';

export interface MarkdownOptions {
  /**
   * Headings inside a narrative are sub-headings of the goal, so `##` must not compete with the
   * report's own structure: shift them one level down, never above `###`.
   */
  demoteHeadings?: boolean;
}

export function toMarkdown(lines: SourceLine[], options: MarkdownOptions = {}): string {
  const physical: string[] = [];
  for (const line of lines) {
    const own = line.textRow || line.cells !== undefined || /^\s*<p>/.test(line.text);
    const text = line.cells ? line.cells.map((c) => c.trim()).filter(Boolean).join(' ') : line.text;
    if (own) physical.push('');
    physical.push(...htmlToMarkdown(text).split('\n'));
    if (own) physical.push('');
  }
  const blocks: string[][] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push(current);
    current = [];
  };
  for (const raw of physical) {
    const line = normaliseLine(raw, options);
    if (line === null) flush();
    else current.push(line);
  }
  flush();
  return joinBrokenParagraphs(blocks)
    .map((b) => b.join('\n'))
    .join('\n\n');
}

/** Converts the few HTML elements the converter emits. */
export function htmlToMarkdown(text: string): string {
  return text
    .replace(/<\/?u>/g, '')
    .replace(/<i>\s*([\s\S]*?)\s*<\/i>/g, '*$1*')
    .replace(/<b>\s*([\s\S]*?)\s*<\/b>/g, (_m, inner: string) => (inner.trim() === '' ? '' : `**${inner}**`))
    .replace(/<ul[^>]*>/g, '\n\n')
    .replace(/<\/ul>/g, '\n\n')
    // The printed bullet glyph is replaced by the Markdown list marker.
    .replace(/[ \t]*<li>\s*(?:[-•➤]\s*)?/g, '\n- ')
    .replace(/<\/li>/g, '')
    .replace(/<\/?p>/g, '\n\n')
    .replace(/\t+/g, ' ');
}

/** Returns null for lines that only separate blocks. */
function normaliseLine(raw: string, options: MarkdownOptions): string | null {
  const line = raw.replace(/\s+$/, '');
  if (line.trim() === '' || /^\s*-{2,}\s*$/.test(line)) return null;
  const heading = /^\s*(#{1,6})\s+(.*)$/.exec(line);
  if (heading) {
    const text = heading[2].replace(/\*\*/g, '').trim();
    const level = options.demoteHeadings ? Math.min(6, Math.max(3, heading[1].length + 1)) : heading[1].length;
    return `${'#'.repeat(level)} ${text}`;
  }
  // Nested list items keep their indentation; anything else loses stray leading blanks.
  return /^\s+[-*] /.test(line) || /^\s+\d+\. /.test(line) ? line : line.trimStart();
}

function joinBrokenParagraphs(blocks: string[][]): string[][] {
  const out: string[][] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (prev && isCutParagraph(prev[prev.length - 1]) && /^[a-zàèéìòù]/.test(block[0])) {
      prev[prev.length - 1] = `${prev[prev.length - 1]} ${block[0]}`;
      prev.push(...block.slice(1));
    } else {
      out.push([...block]);
    }
  }
  return out;
}

function isCutParagraph(lastLine: string): boolean {
  return !/^#/.test(lastLine) && !/[.;:!?)"”»*]$/.test(lastLine.trim());
}

/**
 * Reduces Markdown or source markup to comparable plain words; used to prove that text kept in the
 * dataset is the document's own wording.
 */
export function comparableText(text: string): string {
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s*#{1,6}\s+/gm, ' ')
    .replace(/^\s*-{2,}\s*$/gm, ' ')
    // Bullet glyphs and list markers differ between source and Markdown; words do not.
    .replace(/(^|\s)[-•➤]+/g, '$1')
    .replace(/[*•➤\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
