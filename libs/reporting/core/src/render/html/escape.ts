/**
 * Escaping for the HTML rendition. Every string of the model is user-entered (Markdown-derived)
 * text and goes through one of these functions before it reaches the page.
 */

const HTML_SPECIAL = /[&<>"']/g;
const HTML_SPECIAL_TEST = /[&<>"']/;
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Characters that may not appear in an HTML document (C0/C1 controls other than tab, line feed
 * and carriage return, and noncharacters): removed rather than escaped.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS_TEST = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/**
 * Escapes text for use as element content or as a quoted attribute value: `& < > " '` become
 * entities and characters forbidden in HTML are dropped. Safe in both contexts (attributes are
 * always written with double quotes).
 */
export function escapeHtml(text: string): string {
  let s = String(text);
  if (FORBIDDEN_CHARS_TEST.test(s)) s = s.replace(FORBIDDEN_CHARS, '');
  return HTML_SPECIAL_TEST.test(s) ? s.replace(HTML_SPECIAL, (c) => HTML_ENTITIES[c]) : s;
}

/** Text content whose line breaks (hard breaks of the Markdown source) become `<br>`. */
export function escapeMultiline(text: string): string {
  const escaped = escapeHtml(text);
  return escaped.includes('\n') ? escaped.replace(/\r?\n/g, '<br>') : escaped;
}

const SAFE_LINK = /^(?:https?:\/\/|mailto:)[^\s]/i;

/**
 * The link target to print, or null when the target is not an http, https or mailto URL (any
 * other scheme, `javascript:` included, is rendered as plain text). The result is escaped for a
 * double-quoted attribute.
 */
export function safeHref(href: string | undefined | null): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!SAFE_LINK.test(trimmed)) return null;
  // Whitespace and controls inside a URL are never legitimate: refuse rather than guess.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007F]/.test(trimmed)) return null;
  return escapeHtml(trimmed);
}

/**
 * A CSS string literal (with its double quotes) for text placed in the style sheet, e.g. the
 * running header of printed pages. `<` is escaped so the text can never close the style element.
 */
export function cssString(text: string): string {
  const body = String(text)
    .replace(FORBIDDEN_CHARS, '')
    .replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${body}"`;
}

/** An id attribute value: no whitespace (HTML ids may not contain it); empty becomes `fallback`. */
export function toIdToken(raw: string, fallback: string): string {
  const s = String(raw).replace(FORBIDDEN_CHARS, '').trim().replace(/\s+/g, '-');
  return s || fallback;
}
