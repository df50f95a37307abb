import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from '@dup/database';
import { MAIN, ROOT, runService, waitFor, type ServiceProcess } from './testing/service-process';

/** The pid a data folder's postmaster.pid names, or null. */
function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function healthStatus(port: number): Promise<number> {
  return fetch(`http://127.0.0.1:${port}/health`).then(
    (r) => r.status,
    () => 0,
  );
}

/** An anonymous GraphQL request that needs no table: the service answers it once it is up. */
async function typename(port: number): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  return ((await res.json()) as { data?: { __typename: string } }).data?.__typename;
}

/** Each test starts services and databases (the first initialises the cluster): minutes on a busy machine. */
const PROCESS_TEST_TIMEOUT = 240_000;

/**
 * The built service on an embedded PostgreSQL, killed and restarted as operators and crashes
 * do. No demo data (the schema only), no warm-up: these tests are about processes.
 */
describe('embedded PostgreSQL: recovery after crashes', () => {
  const dataDir = join(ROOT, '.data', `test-recovery-${process.pid}`);
  const started: ServiceProcess[] = [];

  async function start(port: number): Promise<ServiceProcess> {
    const service = runService({ EMBEDDED_PG_DIR: dataDir, PORT: String(port), SEED_ON_EMPTY: 'false', SEED_DEMO_USERS: 'false', REPORT_WARM_UP_REPORTS: '0' });
    started.push(service);
    await waitFor(() => service.stdout().includes('DUP Monitor pronto') || service.child.exitCode !== null, 120_000, 'the service to be ready or to stop');
    return service;
  }

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` before the tests (npm test does).`);
  });
  afterAll(async () => {
    for (const s of started) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
    await Promise.all(started.map((s) => s.exit));
    const pid = postmasterPid(dataDir);
    if (pid && alive(pid)) process.kill(pid, 'SIGINT');
    await waitFor(() => !pid || !alive(pid), 30_000, 'the test server to stop');
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}.credentials.json`, { force: true });
  }, PROCESS_TEST_TIMEOUT);

  it('refuses a second service on the folder, and after a SIGKILL of the service stops the orphaned server and starts', async () => {
    const port = await findFreePort();
    const first = await start(port);
    expect(first.child.exitCode).toBeNull();
    const orphan = postmasterPid(dataDir)!;
    expect(alive(orphan)).toBe(true);

    // A second service on the same folder while the first runs: refused, and the first is untouched.
    const second = await start(await findFreePort());
    expect(await second.exit).toBe(1);
    expect(second.stderr()).toMatch(/\[EMBEDDED_PG_IN_USE\]/);
    expect(await healthStatus(port)).toBe(200);

    // The service dies without stopping its database: the server keeps running, orphaned.
    first.child.kill('SIGKILL');
    await first.exit;
    expect(alive(orphan)).toBe(true);

    const third = await start(port);
    expect({ exit: third.child.exitCode, stderr: third.stderr() }).toEqual({ exit: null, stderr: '' });
    expect(third.stdout()).toContain(`arresto del server rimasto attivo (processo ${orphan})`);
    expect(alive(orphan)).toBe(false);
    expect(postmasterPid(dataDir)).not.toBe(orphan);
    expect(await healthStatus(port)).toBe(200);
    expect(await typename(port)).toBe('Query');
    third.child.kill('SIGTERM');
    expect(await third.exit).toBe(0);
    expect(postmasterPid(dataDir)).toBeNull();
  }, PROCESS_TEST_TIMEOUT);

  it('never signals a live process that is not the folder\'s server, whatever the pid file says', async () => {
    const bystander = spawn('sleep', ['120'], { stdio: 'ignore' });
    try {
      await writeFile(join(dataDir, 'postmaster.pid'), `${bystander.pid}\n${dataDir}\n`);
      const port = await findFreePort();
      const service = await start(port);
      expect(service.child.exitCode).toBeNull();
      expect(service.stdout()).toContain(`rimosso postmaster.pid rimasto da un arresto anomalo (il processo ${bystander.pid} `);
      expect(alive(bystander.pid!)).toBe(true);
      service.child.kill('SIGTERM');
      expect(await service.exit).toBe(0);
    } finally {
      bystander.kill('SIGKILL');
    }
  }, PROCESS_TEST_TIMEOUT);

  it.each([
    ['killed (SIGKILL)', 'SIGKILL'],
    ['stopped from outside (fast shutdown, as pg_ctl stop -m fast)', 'SIGINT'],
  ] as const)('comes back by itself when its database is %s: /health and queries recover', async (_label, signal) => {
    const port = await findFreePort();
    const service = await start(port);
    expect(service.child.exitCode).toBeNull();
    const before = postmasterPid(dataDir)!;
    process.kill(before, signal);
    await waitFor(() => !alive(before), 30_000, 'the database to stop');
    await waitFor(async () => (await healthStatus(port)) === 200 && postmasterPid(dataDir) !== before, 60_000, '/health to answer 200 again');
    expect(await typename(port)).toBe('Query');
    expect(service.stdout()).toMatch(/Il database incorporato si è arrestato in modo inatteso/);
    expect(service.stdout()).toMatch(/Database incorporato riavviato sulla porta \d+/);
    service.child.kill('SIGTERM');
    expect(await service.exit).toBe(0);
    expect(postmasterPid(dataDir)).toBeNull();
  }, PROCESS_TEST_TIMEOUT);
});
