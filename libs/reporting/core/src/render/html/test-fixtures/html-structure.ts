/**
 * A tiny structural checker for the renderer's own output (tests only). It tokenises tags with a
 * regular expression, which is sound here because the renderer writes every attribute with
 * double quotes and escapes `<` and `>` in text; it is not a general HTML parser.
 */

export interface HtmlTag {
  name: string;
  closing: boolean;
  attrs: Record<string, string>;
  /** Offset in the document. */
  at: number;
}

export interface HtmlStructure {
  /** Everything wrong, one readable line each; empty when the page is sound. */
  errors: string[];
  /** Heading levels in document order (h1…h6). */
  headings: number[];
  ids: Set<string>;
  tags: HtmlTag[];
}

const VOID = new Set(['meta', 'br', 'hr', 'col', 'img', 'input', 'link', 'wbr']);
/** Elements that may not appear inside a <p> (the parser would close the paragraph). */
const NOT_IN_P = new Set(['p', 'div', 'ul', 'ol', 'li', 'table', 'section', 'address', 'header', 'footer', 'nav', 'main', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*>/g;
const ATTR = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;

export function tokenize(html: string): HtmlTag[] {
  // The style sheet is opaque text.
  const body = html.replace(/<style>[\s\S]*?<\/style>/, (m) => '<style>' + ' '.repeat(m.length - 15) + '</style>');
  const tags: HtmlTag[] = [];
  for (const m of body.matchAll(TAG)) {
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(ATTR)) attrs[a[1].toLowerCase()] = a[2] ?? '';
    tags.push({ name: m[2].toLowerCase(), closing: m[1] === '/', attrs, at: m.index ?? 0 });
  }
  return tags;
}

/** Text between two offsets with tags removed and entities of the five escaped characters decoded. */
function textBetween(html: string, from: number, to: number): string {
  return html
    .slice(from, to)
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

export function analyseHtml(html: string): HtmlStructure {
  const errors: string[] = [];
  const tags = tokenize(html);
  const ids = new Set<string>();
  const headings: number[] = [];

  // Nesting, ids, headings.
  const stack: HtmlTag[] = [];
  for (const t of tags) {
    if (t.closing) {
      const open = stack.pop();
      if (!open || open.name !== t.name) errors.push(`</${t.name}> at ${t.at} closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    if (stack.length && stack[stack.length - 1].name === 'p' && NOT_IN_P.has(t.name)) errors.push(`<${t.name}> inside <p> at ${t.at}`);
    if (t.attrs.id !== undefined) {
      if (!t.attrs.id || /\s/.test(t.attrs.id)) errors.push(`invalid id "${t.attrs.id}" at ${t.at}`);
      if (ids.has(t.attrs.id)) errors.push(`duplicate id "${t.attrs.id}"`);
      ids.add(t.attrs.id);
    }
    const h = /^h([1-6])$/.exec(t.name);
    if (h) headings.push(Number(h[1]));
    if (t.attrs.role === 'heading' || t.attrs['aria-level'] !== undefined) errors.push(`ARIA heading at ${t.at}`);
    if (!VOID.has(t.name)) stack.push(t);
  }
  if (stack.length) errors.push(`unclosed: ${stack.map((t) => t.name).join(', ')}`);

  // Heading outline: one h1, first, no skipped levels.
  if (headings.filter((l) => l === 1).length !== 1) errors.push(`expected exactly one h1, found ${headings.filter((l) => l === 1).length}`);
  if (headings[0] !== 1) errors.push('the first heading is not h1');
  for (let i = 1; i < headings.length; i++)
    if (headings[i] > headings[i - 1] + 1) errors.push(`heading level skipped: h${headings[i - 1]} → h${headings[i]} (heading #${i + 1})`);

  // References.
  for (const t of tags) {
    if (t.closing) continue;
    const href = t.attrs.href;
    if (t.name === 'a') {
      if (href === undefined) errors.push(`<a> without href at ${t.at}`);
      else if (href.startsWith('#')) {
        if (!ids.has(href.slice(1))) errors.push(`link to missing id ${href}`);
      } else if (!/^(https?:\/\/|mailto:)/i.test(href)) errors.push(`unsafe link "${href}"`);
    }
    for (const attr of ['aria-labelledby', 'aria-describedby'])
      for (const ref of (t.attrs[attr] ?? '').split(/\s+/).filter(Boolean)) if (!ids.has(ref)) errors.push(`${attr} refers to missing id ${ref}`);
    if (t.attrs.src !== undefined) errors.push(`external resource (src) at ${t.at}`);
    if (['script', 'link', 'img', 'iframe', 'object', 'embed'].includes(t.name)) errors.push(`<${t.name}> at ${t.at}`);
  }

  // Tables: caption first, a header row, every th scoped according to where it is.
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t.closing || t.name !== 'table') continue;
    const label = `table ${t.attrs.id ?? `at ${t.at}`}`;
    const next = tags[i + 1];
    if (!next || next.name !== 'caption' || next.closing) errors.push(`${label}: <caption> is not the first child`);
    else {
      const close = tags.slice(i + 2).find((x) => x.closing && x.name === 'caption');
      if (!close || !textBetween(html, next.at, close.at)) errors.push(`${label}: empty caption`);
    }
    let depth = 0;
    let section = '';
    let sawThead = false;
    for (let j = i + 1; j < tags.length; j++) {
      const x = tags[j];
      if (x.name === 'table') {
        if (x.closing && depth === 0) break;
        depth += x.closing ? -1 : 1;
        continue;
      }
      if (depth > 0) continue;
      if (['thead', 'tbody', 'tfoot'].includes(x.name)) {
        section = x.closing ? '' : x.name;
        if (x.name === 'thead' && !x.closing) sawThead = true;
      }
      if (x.name === 'th' && !x.closing) {
        const scope = x.attrs.scope;
        const allowed = section === 'thead' ? ['col', 'colgroup'] : ['row', 'rowgroup'];
        if (!scope || !allowed.includes(scope)) errors.push(`${label}: <th> in ${section || 'table'} with scope "${scope ?? ''}" at ${x.at}`);
      }
    }
    if (!sawThead) errors.push(`${label}: no <thead>`);
  }

  // The skip link and the landmarks.
  const first = tags.find((t) => !t.closing && (t.name === 'a' || t.attrs.tabindex === '0'));
  if (!first || first.name !== 'a' || !first.attrs.href?.startsWith('#')) errors.push('the first focusable element is not the skip link');
  for (const name of ['header', 'nav', 'main', 'footer']) {
    const n = tags.filter((t) => !t.closing && t.name === name).length;
    if (n !== 1) errors.push(`expected one <${name}>, found ${n}`);
  }
  return { errors, headings, ids, tags };
}
