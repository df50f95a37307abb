import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { DemoUser } from './demo-users';
import { ROOT } from './service';

/** Debian's Chromium (`scripts/install-test-tools.sh`); Playwright never downloads a browser here. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Git-ignored; the tests write a screenshot of every screen they visit, for people to look at. */
export const SCREENSHOT_DIR = join(ROOT, 'tmp/e2e-screens');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request the page sent outside the service's origin (there must be none). */
  foreignRequests: string[];
  /** Console errors and uncaught exceptions of the page. */
  pageErrors: string[];
}

/** A fresh browser profile (no cookies) on the service, in Italian, at the given size. */
export async function openSession(browser: Browser, baseUrl: string, viewport = DESKTOP): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'it-IT', timezoneId: 'Europe/Rome', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // 401/403 answers the app expects (e.g. the session check of a visitor) are logged by Chromium as errors.
    if (message.type() === 'error' && !/status of 40[13]/.test(message.text())) pageErrors.push(message.text());
  });
  return { context, page, foreignRequests, pageErrors };
}

/** Logs in through the login page, as a person does, and waits for the home page. */
export async function logIn(page: Page, user: DemoUser): Promise<void> {
  await page.goto('/accesso');
  await page.getByLabel('Nome utente').fill(user.username);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('button', { name: 'Esci' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

let axeSource: string | null = null;

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now; the violations, readable. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core'), 'utf8');
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy does not apply.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => v.id + ' [' + v.impact + '] ' + v.help + ': ' + v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')))`)) as string[];
  return violations;
}

/** Screenshot plus accessibility check: what every test does on every screen it visits. */
export async function inspect(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  const violations = await accessibilityViolations(page);
  if (violations.length) throw new Error(`Accessibility violations on ${name}:\n${violations.join('\n')}`);
}
