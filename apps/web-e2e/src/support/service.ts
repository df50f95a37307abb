import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '@dup/database';
import { createTestDatabase, type TestDatabase } from '@dup/testing';

/** The built service and web app (`npm run build`), as an operator runs them. */
export const ROOT = join(__dirname, '../../../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const WEB_INDEX = join(ROOT, 'dist/apps/web/index.html');

export interface RunningService {
  url: string;
  db: TestDatabase;
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built service on a free port over a fresh test database, which the service fills
 * itself on start with the Livorno plan and the demo users (as `npm start` does).
 */
export async function startService(env: Record<string, string> = {}): Promise<RunningService> {
  for (const file of [MAIN, WEB_INDEX]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the tests (npm test does).`);
  }
  const db = await createTestDatabase();
  const port = await findFreePort();
  const base = { ...process.env };
  delete base['DATABASE_URL'];
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...base,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      MIGRATE_ON_START: 'false',
      SEED_ON_EMPTY: 'true',
      SEED_DEMO_USERS: 'true',
      LOG_LEVEL: 'info',
      REPORT_WARM_UP_REPORTS: '0',
      RATE_LIMIT_PER_MINUTE: '100000',
      JWT_SECRET: 'web-e2e-secret-'.padEnd(48, 'w'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const started = Date.now();
  while (!output.includes('DUP Monitor pronto')) {
    if (child.exitCode !== null) throw new Error(`The service stopped before being ready:\n${output}`);
    if (Date.now() - started > 120_000) throw new Error(`The service was not ready within 120 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    logs: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await db.drop();
    },
  };
}
