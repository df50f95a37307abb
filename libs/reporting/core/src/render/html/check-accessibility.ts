import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Automated accessibility check of an HTML page: axe-core run in headless Chromium (through
 * playwright-core, without Playwright's own browser downloads). Used by the HTML renderer's
 * tests and by the command line (see README.md in this folder):
 *
 *   node dist/libs/reporting/core/src/render/html/check-accessibility.js report.html
 *
 * Test and tooling code only: it needs playwright-core (a dev dependency) and a Chromium binary.
 */

/** The Debian package's binary (`apt-get install chromium`). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** The axe rule sets checked: WCAG 2.0/2.1 A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface AxeViolationNode {
  /** CSS selector path of the offending element. */
  target: string[];
  /** The element's opening markup (truncated by axe). */
  html: string;
  /** What to fix, as axe words it. */
  failureSummary: string;
}

export interface AxeViolationSummary {
  /** Rule id, e.g. "color-contrast". */
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  tags: string[];
  /** How many elements fail the rule. */
  nodeCount: number;
  /** The first failing elements (at most `maxNodesPerRule`). */
  nodes: AxeViolationNode[];
}

export interface CheckAccessibilityOptions {
  /** Chromium binary; default /usr/bin/chromium. */
  executablePath?: string;
  /** Upper bound for loading the page and running axe, in milliseconds (default 120 000). */
  timeoutMs?: number;
  /** Failing elements reported per rule (default 10); `nodeCount` always has the full count. */
  maxNodesPerRule?: number;
  /** Viewport used for layout-dependent rules (colour contrast, scrollable regions); default 1280×800. */
  viewport?: { width: number; height: number };
}

/** Thrown when the browser binary is missing, with the command that installs it. */
export class ChromiumNotFoundError extends Error {
  constructor(path: string) {
    super(
      `Chromium non trovato in ${path}: il controllo di accessibilità (axe-core) richiede Chromium. ` +
        `Installarlo con \`apt-get install chromium\` (Debian/Ubuntu) oppure indicare un altro eseguibile.`,
    );
    this.name = 'ChromiumNotFoundError';
  }
}

let axeSource: string | null = null;

/**
 * Loads `html` in headless Chromium, runs axe-core with the WCAG 2.1 A/AA and best-practice
 * rules and returns the violations (an empty array when the page passes). Incomplete results
 * ("needs review") are not violations and are not returned.
 */
export async function checkAccessibility(html: string, options: CheckAccessibilityOptions = {}): Promise<AxeViolationSummary[]> {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
  if (!existsSync(executablePath)) throw new ChromiumNotFoundError(executablePath);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const maxNodes = Math.max(0, Math.floor(options.maxNodesPerRule ?? 10));
  axeSource ??= readFileSync(require.resolve('axe-core'), 'utf8');

  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: timeoutMs });
  try {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, javaScriptEnabled: true });
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    await page.addScriptTag({ content: axeSource });
    // A string, not a function: code coverage instrumentation must not leak into the page.
    const script = `(async () => {
      const results = await axe.run(document, ${JSON.stringify({ runOnly: [...AXE_TAGS], resultTypes: ['violations'] })});
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact || null,
        help: v.help,
        helpUrl: v.helpUrl,
        tags: v.tags,
        nodeCount: v.nodes.length,
        nodes: v.nodes.slice(0, ${maxNodes}).map((n) => ({
          target: n.target.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))),
          html: n.html,
          failureSummary: n.failureSummary || '',
        })),
      }));
    })()`;
    const run = page.evaluate(script) as Promise<AxeViolationSummary[]>;
    return await withTimeout(run, timeoutMs, 'axe-core non ha terminato il controllo');
  } finally {
    await browser.close();
  }
}

/** A readable report of violations, one block per rule (for test failures and the command line). */
export function formatViolations(violations: AxeViolationSummary[]): string {
  if (!violations.length) return 'Nessuna violazione di accessibilità (axe-core).';
  const lines = [`${violations.length} regole axe-core violate:`];
  for (const v of violations) {
    lines.push('', `• ${v.id} [${v.impact ?? 'n/d'}] – ${v.help} (${v.nodeCount} elementi)`, `  ${v.helpUrl}`);
    for (const n of v.nodes) {
      lines.push(`  - ${n.target.join(' ')}`, `    ${n.html}`);
      for (const s of n.failureSummary.split('\n')) if (s.trim()) lines.push(`      ${s.trim()}`);
    }
    if (v.nodeCount > v.nodes.length) lines.push(`  … e altri ${v.nodeCount - v.nodes.length}`);
  }
  return lines.join('\n');
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} entro ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Command line: checks each HTML file given; exit code 1 when any has violations. */
async function main(files: string[]): Promise<number> {
  if (!files.length) {
    console.error('Uso: node check-accessibility.js <file.html> [...]');
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const violations = await checkAccessibility(readFileSync(file, 'utf8'));
    console.log(`${file}: ${formatViolations(violations)}`);
    failed ||= violations.length > 0;
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(2);
    },
  );
}
