/**
 * Accessible HTML rendition of the report. `checkAccessibility` (axe-core in headless Chromium)
 * is deliberately not exported here: it needs playwright-core and a browser, which production
 * code must not load. Import it from './check-accessibility' in tests and scripts.
 */
export { renderHtml, MAIN_CONTENT_ID } from './render-html';
export { escapeHtml, safeHref } from './escape';
