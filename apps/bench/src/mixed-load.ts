import { Agent } from 'node:http';
import { postGraphql } from './http-post';

/**
 * Whole-tree reads by many clients at once, first alone, then with writes mixed in: the cost
 * a write imposes on the readers (the read model rebuilt after each commit). Every client runs
 * requests back to back on its own keep-alive connection; in the mixed phase one request in ten
 * is a goal-status write by the planning office (each client on goals of its own, carrying the
 * version it last saw, so writes are real, versioned and conflict-free).
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
}

export interface MixedLoadReport {
  clients: number;
  durationSeconds: number;
  writeShare: number;
  readOnly: PhaseReport;
  mixed: PhaseReport;
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
  const readP99Ratio = Math.round((mixed.readP99Ms / readOnly.readP99Ms) * 100) / 100;
  return { clients, durationSeconds, writeShare: 1 / writeEvery, readOnly, mixed, readP99Ratio, goal: { readP99RatioAtMost: GOAL_RATIO, met: readP99Ratio <= GOAL_RATIO } };
}

async function runPhase(options: MixedLoadOptions, clients: number, writeEvery: number, durationSeconds: number): Promise<PhaseReport> {
  const versions = new Map<string, number | null>();
  const readTimes: number[] = [];
  const writeTimes: number[] = [];
  let failed = 0;
  const deadline = performance.now() + durationSeconds * 1000;
  const started = performance.now();
  const client = async (c: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // Goals of this client only: c, c + clients, … (writers never meet on a goal).
    const own = options.goalIds.filter((_, i) => i % clients === c);
    try {
      for (let i = 0; performance.now() < deadline; i += 1) {
        const write = writeEvery > 0 && own.length > 0 && (i + c) % writeEvery === 0;
        if (!write) {
          const t0 = performance.now();
          const res = await postGraphql(options.url, options.readBody, { authorization: options.readAuthorization }, agent);
          readTimes.push(performance.now() - t0);
          if (res.status !== 200 || res.text.startsWith('{"errors"')) failed += 1;
          continue;
        }
        const goalId = own[i % own.length];
        const input = { goalId, period: options.period, expectedVersion: versions.get(goalId) ?? null, narrative: `Carico misto: scrittura ${c}.${i}.`, declaredState: 'IN_PROGRESS' };
        const t0 = performance.now();
        const res = await postGraphql(options.url, JSON.stringify({ query: SET_STATUS, variables: { input } }), { authorization: options.writeAuthorization }, agent);
        writeTimes.push(performance.now() - t0);
        const body = JSON.parse(res.text) as { data?: { setGoalStatus: { version: number } }; errors?: { extensions?: { currentVersion?: number } }[] };
        if (body.data) versions.set(goalId, body.data.setGoalStatus.version);
        else {
          failed += 1;
          versions.set(goalId, body.errors?.[0]?.extensions?.currentVersion ?? null);
        }
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const seconds = (performance.now() - started) / 1000;
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
  };
}

function percentiles(times: number[]): { p50: number; p90: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}
