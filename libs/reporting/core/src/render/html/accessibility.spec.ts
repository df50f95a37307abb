import { existsSync } from 'node:fs';
import { checkAccessibility, DEFAULT_CHROMIUM_PATH, formatViolations, type AxeViolationSummary } from './check-accessibility';
import { renderHtml } from './index';
import { fixtureModel } from './test-fixtures/fixture-model';
import { hasLivornoModel, loadLivornoModel } from './test-fixtures/livorno';

/**
 * axe-core (WCAG 2.0/2.1 A and AA, best practices) on the rendered page in headless Chromium.
 * Chromium is required: without it these tests fail (they are not skipped), so CI must install
 * it (`apt-get install chromium`).
 */

function expectNoViolations(violations: AxeViolationSummary[]): void {
  if (violations.length) throw new Error(formatViolations(violations));
  expect(violations).toEqual([]);
}

describe('accessibility of the HTML rendition (axe-core in headless Chromium)', () => {
  it('has Chromium available', () => {
    if (!existsSync(DEFAULT_CHROMIUM_PATH))
      throw new Error(`Chromium non trovato in ${DEFAULT_CHROMIUM_PATH}: installarlo con \`apt-get install chromium\` per eseguire i test di accessibilità.`);
  });

  it('explains how to install Chromium when the binary is missing', async () => {
    await expect(checkAccessibility('<p>x</p>', { executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      'Chromium non trovato in /nonexistent/chromium: il controllo di accessibilità (axe-core) richiede Chromium. Installarlo con `apt-get install chromium`',
    );
  });

  it('finds violations on a page that has them (the check is not vacuous)', async () => {
    const bad =
      '<!DOCTYPE html><html><head><title>x</title></head><body><main><img src="data:,">' +
      '<p style="color:#aaa;background:#fff">testo poco leggibile</p><table><tr><th></th><td>1</td></tr></table></main></body></html>';
    const ids = (await checkAccessibility(bad)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'color-contrast', 'empty-table-header']));
  }, 120_000);

  it('has no violations on the fixture model', async () => {
    expectNoViolations(await checkAccessibility(renderHtml(fixtureModel())));
  }, 120_000);

  (hasLivornoModel() ? it : it.skip)(
    'has no violations on the Livorno 30/06/2020 model',
    async () => {
      expectNoViolations(await checkAccessibility(renderHtml(loadLivornoModel()), { timeoutMs: 280_000 }));
    },
    300_000,
  );
});
