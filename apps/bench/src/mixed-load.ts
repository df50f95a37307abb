import { Agent } from 'node:http';
import { postGraphql } from './http-post';

/**
 * Whole-tree reads by many clients at once, first alone, then with writes mixed in: the cost
 * a write imposes on the readers (the read model rebuilt after each commit). Every client runs
 * requests back to back on its own keep-alive connection; in the mixed phase one request in ten
 * is a goal-status write by the planning office (each client on goals of its own, carrying the
 * version it last saw, so writes are real, versioned and conflict-free). Then one client alone
 * times a read right after each write against a read with nothing new.
 */
export interface MixedLoadOptions {
  url: string;
  /** The whole-tree query's request body. */
  readBody: string;
  readAuthorization: string;
  writeAuthorization: string;
  goalIds: readonly string[];
  /** Cut-off of an OPEN period. */
  period: string;
  clients?: number;
  /** CPU time the server process has used so far (user + system), in ms: robust to other load on the machine. */
  serverCpuMs: () => Promise<number>;
  /** One request in `writeEvery` is a write in the mixed phase (10: 10% writes). */
  writeEvery?: number;
  durationSeconds?: number;
}

export interface PhaseReport {
  reads: number;
  readP50Ms: number;
  readP90Ms: number;
  readP99Ms: number;
  readsPerSecond: number;
  writes: number;
  writeP50Ms: number | null;
  writeP99Ms: number | null;
  /** Non-200 answers and GraphQL errors (writes: CONFLICT included). */
  failed: number;
  /** Server CPU over all requests of the phase (reads and writes). */
  serverCpuMsPerRequest: number;
}

/** One client alone: a read right after a write (it pays for the read model's rebuild) against a read with nothing new. */
export interface ReadAfterWriteReport {
  samples: number;
  readAfterWriteP50Ms: number;
  warmReadP50Ms: number;
}

export interface MixedLoadReport {
  clients: number;
  durationSeconds: number;
  writeShare: number;
  readOnly: PhaseReport;
  mixed: PhaseReport;
  sequential: ReadAfterWriteReport;
  /** Mixed-phase read p99 over read-only read p99; the goal is at most 2. */
  readP99Ratio: number;
  goal: { readP99RatioAtMost: number; met: boolean };
}

const SET_STATUS = `mutation($input: SetGoalStatusInput!) { setGoalStatus(input: $input) { version } }`;
const GOAL_RATIO = 2;

export async function measureMixedLoad(options: MixedLoadOptions): Promise<MixedLoadReport> {
  const clients = options.clients ?? 50;
  const writeEvery = options.writeEvery ?? 10;
  const durationSeconds = options.durationSeconds ?? 15;
  const readOnly = await runPhase(options, clients, 0, durationSeconds);
  const mixed = await runPhase(options, clients, writeEvery, durationSeconds);
  const sequential = await readAfterWrite(options, 20);
  const readP99Ratio = Math.round((mixed.readP99Ms / readOnly.readP99Ms) * 100) / 100;
  return { clients, durationSeconds, writeShare: 1 / writeEvery, readOnly, mixed, sequential, readP99Ratio, goal: { readP99RatioAtMost: GOAL_RATIO, met: readP99Ratio <= GOAL_RATIO } };
}

async function readAfterWrite(options: MixedLoadOptions, samples: number): Promise<ReadAfterWriteReport> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const goalId = options.goalIds[options.goalIds.length - 1];
  let version: number | null = null;
  const afterWrite: number[] = [];
  const warm: number[] = [];
  const read = async (into: number[]) => {
    const t0 = performance.now();
    await postGraphql(options.url, options.readBody, { authorization: options.readAuthorization }, agent);
    into.push(performance.now() - t0);
  };
  try {
    for (let i = 0; i < samples; i += 1) {
      let write = await writeStatus(options, agent, goalId, version, `Lettura dopo scrittura ${i}.`);
      // The first write may meet the mixed phase's last version: take it and write again.
      if (!write.ok) write = await writeStatus(options, agent, goalId, write.version, `Lettura dopo scrittura ${i}.`);
      version = write.version;
      await read(afterWrite);
      await read(warm);
    }
  } finally {
    agent.destroy();
  }
  return { samples, readAfterWriteP50Ms: percentiles(afterWrite).p50, warmReadP50Ms: percentiles(warm).p50 };
}

async function runPhase(options: MixedLoadOptions, clients: number, writeEvery: number, durationSeconds: number): Promise<PhaseReport> {
  const versions = new Map<string, number | null>();
  const readTimes: number[] = [];
  const writeTimes: number[] = [];
  let failed = 0;
  const deadline = performance.now() + durationSeconds * 1000;
  const started = performance.now();
  const cpuBefore = await options.serverCpuMs();
  const client = async (c: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // Goals of this client only: c, c + clients, … (writers never meet on a goal).
    const own = options.goalIds.filter((_, i) => i % clients === c);
    try {
      for (let i = 0; performance.now() < deadline; i += 1) {
        const writes = writeEvery > 0 && own.length > 0 && (i + c) % writeEvery === 0;
        if (!writes) {
          const t0 = performance.now();
          const res = await postGraphql(options.url, options.readBody, { authorization: options.readAuthorization }, agent);
          readTimes.push(performance.now() - t0);
          if (res.status !== 200 || res.text.startsWith('{"errors"')) failed += 1;
          continue;
        }
        const goalId = own[i % own.length];
        const t0 = performance.now();
        const written = await writeStatus(options, agent, goalId, versions.get(goalId) ?? null, `Carico misto: scrittura ${c}.${i}.`);
        writeTimes.push(performance.now() - t0);
        versions.set(goalId, written.version);
        if (!written.ok) failed += 1;
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = (await options.serverCpuMs()) - cpuBefore;
  const reads = percentiles(readTimes);
  const writes = percentiles(writeTimes);
  return {
    reads: readTimes.length,
    readP50Ms: reads.p50,
    readP90Ms: reads.p90,
    readP99Ms: reads.p99,
    readsPerSecond: Math.round((readTimes.length / seconds) * 10) / 10,
    writes: writeTimes.length,
    writeP50Ms: writeTimes.length ? writes.p50 : null,
    writeP99Ms: writeTimes.length ? writes.p99 : null,
    failed,
    serverCpuMsPerRequest: Math.round((cpuMs / Math.max(1, readTimes.length + writeTimes.length)) * 10) / 10,
  };
}

/** A goal-status write; on failure (CONFLICT) `version` is the current one the service reported. */
async function writeStatus(options: MixedLoadOptions, agent: Agent, goalId: string, expectedVersion: number | null, narrative: string) {
  const input = { goalId, period: options.period, expectedVersion, narrative, declaredState: 'IN_PROGRESS' };
  const res = await postGraphql(options.url, JSON.stringify({ query: SET_STATUS, variables: { input } }), { authorization: options.writeAuthorization }, agent);
  const body = JSON.parse(res.text) as { data?: { setGoalStatus: { version: number } }; errors?: { extensions?: { currentVersion?: number } }[] };
  return body.data ? { ok: true, version: body.data.setGoalStatus.version } : { ok: false, version: body.errors?.[0]?.extensions?.currentVersion ?? null };
}

function percentiles(times: number[]): { p50: number; p90: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}
