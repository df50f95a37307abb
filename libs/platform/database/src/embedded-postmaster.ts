import { readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

/** What a data folder's `postmaster.pid` says, checked against the running processes. */
export type PostmasterState =
  | { kind: 'none' }
  /** The file names a process that is gone, or that is not this folder's server (its pid was reused). */
  | { kind: 'stale'; pid: number }
  /** This folder's server is running; `owner` is the service process it is a child of, if any. */
  | { kind: 'running'; pid: number; port: number | null; owner: 'service' | 'none' | 'unknown' };

/**
 * Reads `postmaster.pid` (pid, data folder, start time, port, …) and checks the process it
 * names: alive, a `postgres` executable started with `-D` on this very folder, and whose parent
 * is a Node.js process (a service or test run that owns it) or not (it was orphaned when its
 * service was killed). Anything that cannot be verified is never taken for an orphan.
 */
export async function inspectPostmaster(dataDir: string): Promise<PostmasterState> {
  const content = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  if (content === null) return { kind: 'none' };
  const lines = content.split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return { kind: 'stale', pid };
  const port = Number(lines[3]);
  const known = { pid, port: Number.isInteger(port) && port > 0 ? port : null };
  const argv = procFile(pid, 'cmdline')?.split('\0');
  // Without /proc (not Linux) or without the right to read it, nothing can be verified.
  if (!argv) return { kind: 'running', ...known, owner: 'unknown' };
  const dashD = argv.indexOf('-D');
  const ownFolder = samePath(lines[1], dataDir) && dashD >= 0 && samePath(argv[dashD + 1], dataDir);
  if (basename(argv[0] ?? '') !== 'postgres' || !ownFolder) return { kind: 'stale', pid };
  return { kind: 'running', ...known, owner: parentIsNode(pid) };
}

/** Removes a pid file whose process is gone or is not this folder's server (never signalled). */
export async function removePidFile(dataDir: string): Promise<void> {
  await rm(join(dataDir, 'postmaster.pid'), { force: true });
}

/**
 * Stops a server: SIGINT (fast shutdown: open transactions roll back, the data is written
 * cleanly), then SIGQUIT (immediate shutdown; the next start replays the WAL) if it lingers.
 */
export async function stopPostmaster(pid: number, timeoutMs = 30_000): Promise<void> {
  for (const [signal, wait] of [['SIGINT', timeoutMs], ['SIGQUIT', 10_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // already gone
    }
    const deadline = Date.now() + wait;
    while (Date.now() < deadline) {
      if (!isAlive(pid)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`Il database incorporato (processo ${pid}) non si arresta [EMBEDDED_PG_STOP_FAILED].`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the server's parent is a Node.js process (our service, or a test run that started it). */
function parentIsNode(pid: number): 'service' | 'none' | 'unknown' {
  const stat = procFile(pid, 'stat');
  // The second field (the command) is in parentheses and may hold spaces; the parent pid follows it.
  const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
  if (!Number.isInteger(ppid)) return 'unknown';
  if (ppid <= 1) return 'none';
  let exe: string;
  try {
    exe = readlinkSync(`/proc/${ppid}/exe`);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : 'unknown';
  }
  return /^node(js)?(\d+)?$/.test(basename(exe)) || exe === realPath(process.execPath) ? 'service' : 'none';
}

function procFile(pid: number, name: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return null;
  }
}

function samePath(a: string | undefined, b: string): boolean {
  return a !== undefined && a !== '' && realPath(resolve(a)) === realPath(resolve(b));
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
