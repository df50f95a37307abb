import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** These helpers run the built service (`npm run build`) as an operator would. */
export const ROOT = join(__dirname, '../../../..');
export const MAIN = join(ROOT, 'dist/apps/api/src/main.js');

export interface ServiceProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Starts `node dist/apps/api/src/main.js` with the environment given (DATABASE_URL unset unless given). */
export function runService(env: Record<string, string>): ServiceProcess {
  const base = { ...process.env };
  delete base['DATABASE_URL'];
  // One warm-up report instead of three: the warm-up runs in the background, beside the other test files.
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { ...base, LOG_LEVEL: 'info', REPORT_WARM_UP_REPORTS: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
