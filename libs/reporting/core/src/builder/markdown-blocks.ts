import MarkdownIt from 'markdown-it';

import type { Block, Inline, TextRun } from '../model/report-model';
import { splitPageReferences } from './page-references';

/**
 * Markdown (as entered by departments and kept from the seed) to report blocks. Raw HTML is
 * not interpreted: it stays visible text, so nothing typed into a narrative can inject markup
 * into any rendition. Headings inside a narrative become subheadings relative to the section.
 */
const md = new MarkdownIt('commonmark', { html: false, linkify: false, breaks: false });
type Token = ReturnType<typeof md.parse>[number];

const SAFE_LINK = /^(https?:|mailto:)/i;

interface Marks {
  bold: boolean;
  italic: boolean;
  link: string | null;
}

function inlineRuns(tokens: Token[] | null): Inline {
  const runs: TextRun[] = [];
  const marks: Marks = { bold: false, italic: false, link: null };
  const push = (text: string) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    const run: TextRun = { text };
    if (marks.bold) run.bold = true;
    if (marks.italic) run.italic = true;
    if (marks.link) run.link = marks.link;
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic && last.link === run.link) last.text += text;
    else runs.push(run);
  };
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        push(t.content);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'strong_open':
        marks.bold = true;
        break;
      case 'strong_close':
        marks.bold = false;
        break;
      case 'em_open':
        marks.italic = true;
        break;
      case 'em_close':
        marks.italic = false;
        break;
      case 'link_open': {
        const href = String(t.attrGet('href') ?? '');
        marks.link = SAFE_LINK.test(href) ? href : null;
        break;
      }
      case 'link_close':
        marks.link = null;
        break;
      case 'image':
        push(t.content);
        break;
      default:
        if (t.content) push(t.content);
    }
  }
  return splitPageReferences(runs);
}

/**
 * Parses Markdown into blocks. Headings are relative: the shallowest heading in the text becomes
 * level 1, the next level 2, anything deeper level 3 (texts written as "###" under a chapter and
 * narratives written with "##" read the same).
 */
export function markdownToBlocks(source: string): Block[] {
  const tokens = md.parse(source ?? '', {});
  const depths = tokens.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
  const shallowest = depths.length ? Math.min(...depths) : 1;
  let pos = 0;

  function parseUntil(closeType: string | null): Block[] {
    const blocks: Block[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (closeType && t.type === closeType) {
        pos++;
        return blocks;
      }
      switch (t.type) {
        case 'paragraph_open': {
          const inline = tokens[pos + 1];
          const content = inlineRuns(inline.children);
          if (content.length) blocks.push({ kind: 'paragraph', role: 'body', content });
          pos += 3;
          break;
        }
        case 'heading_open': {
          const level = Math.min(3, Number(t.tag.slice(1)) - shallowest + 1) as 1 | 2 | 3;
          blocks.push({ kind: 'subheading', level, content: inlineRuns(tokens[pos + 1].children) });
          pos += 3;
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const ordered = t.type === 'ordered_list_open';
          const start = ordered ? Number(t.attrGet('start') ?? 1) : 1;
          pos++;
          const items: Block[][] = [];
          const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
          while (tokens[pos] && tokens[pos].type !== close) {
            if (tokens[pos].type === 'list_item_open') {
              pos++;
              items.push(parseUntil('list_item_close'));
            } else pos++;
          }
          pos++;
          blocks.push({ kind: 'list', ordered, start, items });
          break;
        }
        case 'blockquote_open':
          pos++;
          blocks.push(...parseUntil('blockquote_close'));
          break;
        case 'fence':
        case 'code_block':
        case 'html_block':
          if (t.content.trim()) blocks.push({ kind: 'paragraph', role: 'body', content: [{ text: t.content.replace(/\n+$/, '') }] });
          pos++;
          break;
        case 'hr':
          pos++;
          break;
        default:
          pos++;
      }
    }
    return blocks;
  }
  return parseUntil(null);
}

/** Plain text of inline runs. */
export function inlineText(content: Inline): string {
  return content.map((r) => r.text).join('');
}
