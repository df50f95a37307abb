import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import autocannon from 'autocannon';
import { createUser } from '@dup/auth';
import { goalIdsForWrites, measureStatusWrites, type StatusWriteReport } from './write-throughput';
import { postGraphql } from './http-post';
import { measureMixedLoad, type MixedLoadReport } from './mixed-load';
import { Ente, Role } from '@dup/domain';
import { applyMigrations, createDatabaseIfMissing, createOrmConfig, dropDatabase, resolveDatabase, withDatabase } from '@dup/database';
import { loadDataset, readShippedDataset, scaleDataset } from '@dup/seed';
import type { BenchServerMessage, BenchServerRequest } from './graphql-bench-server';

/**
 * `npm run bench:graphql`: the read API over loopback HTTP on a fresh database holding Livorno,
 * then Livorno ×10. For each: whole-tree latency (sequential requests after warm-up), SQL
 * statements per whole-tree query, the throughput of a typical auditor query under
 * autocannon, goal-status write throughput, and (mixed load) the whole-tree latency of 50
 * concurrent readers alone and with 10% writes mixed in. The server runs in a child process
 * (see graphql-bench-server.ts) so the client and the load generator never share its event loop.
 *
 * Environment: DATABASE_URL (a server where scratch databases may be created and dropped;
 * default: the embedded PostgreSQL in .data/bench-postgres), BENCH_REQUESTS (default 300),
 * BENCH_AUTOCANNON_SECONDS (default 10), BENCH_FACTORS (default "1,10"), BENCH_MIXED_FACTORS (the
 * factors with the mixed read/write load, default "1"), BENCH_MIXED_CLIENTS (default 50),
 * BENCH_MIXED_SECONDS (each phase, default 15),
 * BENCH_SERVER_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=tmp/prof" to profile the server).
 */

const GOAL_P50_MS = 30;
const WARMUP_REQUESTS = 30;
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 300);
const AUTOCANNON_SECONDS = Number(process.env['BENCH_AUTOCANNON_SECONDS'] ?? 10);
const AUTOCANNON_CONNECTIONS = 10;
const FACTORS = (process.env['BENCH_FACTORS'] ?? '1,10').split(',').map(Number);
const STATEMENT_SAMPLES = 5;
const MIXED_FACTORS = (process.env['BENCH_MIXED_FACTORS'] ?? '1').split(',').filter(Boolean).map(Number);
const MIXED_CLIENTS = Number(process.env['BENCH_MIXED_CLIENTS'] ?? 50);
const MIXED_SECONDS = Number(process.env['BENCH_MIXED_SECONDS'] ?? 15);
/** The server's token secret (required in production). */
const JWT_SECRET = process.env['JWT_SECRET'] ?? randomBytes(48).toString('base64url');

/**
 * The e2e tests' whole-tree query, taken from the build: `@dup/testing`'s index registers
 * tsconfig paths for jest and cannot be loaded from dist/.
 */
const wholeTreeQuery = async () =>
  ((await import(join(__dirname, '..', '..', '..', 'libs', 'testing', 'src', 'queries.js'))) as { WHOLE_TREE_QUERY: string }).WHOLE_TREE_QUERY;

/** The auditor's everyday question: deferred results, first page, with their results. */
export const AUDITOR_QUERY = /* GraphQL */ `
  query DeferredResults {
    indicators(filter: { resultStatus: DEFERRED }, first: 50) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id objectiveCode position name unit goalPosition results { period text value status deferredTo version } } }
    }
  }
`;

interface RunReport {
  factor: number;
  goals: number;
  indicators: number;
  /** Sequential requests; serverCpuMsPerRequest is robust to other load on the machine. */
  wholeTree: { responseBytes: number; requests: number; serverCpuMsPerRequest: number } & LatencySummary;
  statementsPerWholeTree: { samples: number[]; fixed: boolean };
  auditorQuery: {
    statements: number;
    sequentialP50Ms: number;
    serverCpuMsPerRequest: number;
    connections: number;
    durationSeconds: number;
    requestsPerSecond: number;
    totalRequests: number;
    latencyP50Ms: number;
    latencyP99Ms: number;
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  /** Reserved for the write side: see measureStatusWriteThroughput. */
  statusWriteThroughput: StatusWriteReport;
  /** Whole-tree readers with and without writes mixed in (BENCH_MIXED_FACTORS only). */
  mixedLoad: MixedLoadReport | null;
}

interface LatencySummary {
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
}


/** Credentials of the AUDITOR the bench creates in each database and logs in as. */
const AUDITOR = { username: 'bench-auditor', password: `bench-${randomBytes(12).toString('hex')}` };

/** Bearer token of the AUDITOR, set after login on each server (BENCH_AUTHORIZATION overrides it). */
let authorization: string | null = process.env['BENCH_AUTHORIZATION'] ?? null;

/** Headers that authenticate the benchmark's requests as an AUDITOR (the API reads only for logged-in users). */
function auditorHeaders(): Record<string, string> {
  return authorization ? { authorization } : {};
}

/** Creates the AUDITOR of the first ente in a freshly loaded database. */
async function createAuditor(orm: MikroORM): Promise<void> {
  const em = orm.em.fork();
  const [ente] = await em.find(Ente, {}, { orderBy: { istatCode: 'asc' }, limit: 1 });
  await createUser(em, { enteId: ente.id, username: AUDITOR.username, displayName: 'Revisore del benchmark', role: Role.AUDITOR, password: AUDITOR.password });
  await createUser(em, { enteId: ente.id, username: PLANNER.username, displayName: 'Ufficio programmazione del benchmark', role: Role.PLANNING_OFFICE, password: PLANNER.password });
}

/** Logs the AUDITOR in through the API, like a client would. */
async function loginAuditor(server: BenchServer): Promise<void> {
  if (process.env['BENCH_AUTHORIZATION']) return;
  authorization = null;
  const body = JSON.stringify({
    query: 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
    variables: { u: AUDITOR.username, p: AUDITOR.password },
  });
  const res = await post(server.url, body);
  const parsed = JSON.parse(res.text) as { data?: { login: { accessToken: string } } };
  if (!parsed.data) throw new Error(`login failed: ${res.text.slice(0, 500)}`);
  authorization = `Bearer ${parsed.data.login.accessToken}`;
}

/** The planning-office user that drives the write benchmark. */
const PLANNER = { username: 'bench-planner', password: `bench-${randomBytes(12).toString('hex')}` };

/** Logs the planning office in and opens the 31/12/2020 period the write benchmarks write to. */
async function preparePlanner(server: BenchServer): Promise<string> {
  const login = await post(
    server.url,
    JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', variables: { u: PLANNER.username, p: PLANNER.password } }),
  );
  const token = (JSON.parse(login.text) as { data: { login: { accessToken: string } } }).data.login.accessToken;
  const open = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation { openReportingPeriod(edition: "2020-2022", cutoffDate: "2020-12-31") { cutoffDate } }' }),
  }).then((r) => r.json() as Promise<{ errors?: unknown[] }>);
  if (open.errors) throw new Error(`openReportingPeriod failed: ${JSON.stringify(open.errors)}`);
  return token;
}

/**
 * Goal-status writes under load: autocannon posts `setGoalStatus` on 10 goals (one per
 * connection), each carrying the version it last received, so every write is a real
 * optimistic-locked update with history and audit.
 */
async function measureStatusWriteThroughput(server: BenchServer, plannerToken: string): Promise<StatusWriteReport> {
  // Many more goals than connections, so concurrent writers rarely meet on the same goal.
  const goalIds = await goalIdsForWrites(server.url, plannerToken, '2020-2022', 100);
  return measureStatusWrites(server.url, plannerToken, { goalIds, period: '2020-12-31', connections: 10, durationSeconds: 10 });
}

/** 50 clients reading the whole tree, alone and then with 10% goal-status writes mixed in. */
async function measureMixed(server: BenchServer, plannerToken: string, readBody: string): Promise<MixedLoadReport> {
  // Past the goals measureStatusWriteThroughput wrote to, so that every write starts from no status.
  const goalIds = (await goalIdsForWrites(server.url, plannerToken, '2020-2022', 300)).slice(100);
  return measureMixedLoad({
    url: server.url,
    readBody,
    readAuthorization: auditorHeaders()['authorization'] ?? '',
    writeAuthorization: `Bearer ${plannerToken}`,
    goalIds,
    period: '2020-12-31',
    clients: MIXED_CLIENTS,
    durationSeconds: MIXED_SECONDS,
    serverCpuMs: () => server.cpuMs(),
  });
}

interface BenchServer {
  url: string;
  statements(): Promise<number>;
  /** CPU time the server process has used so far (user + system), in ms. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const db = await resolveDatabase({ databaseUrl: process.env['DATABASE_URL'] ?? null, embeddedPgDir: '.data/bench-postgres', log: () => undefined });
  const livorno = readShippedDataset('livorno-dup-2020-2022');
  const runs: RunReport[] = [];
  try {
    for (const factor of FACTORS) {
      const name = `dup_bench_graphql_${process.pid}_x${factor}`;
      await createDatabaseIfMissing(db.url, name);
      try {
        const url = withDatabase(db.url, name);
        const orm = await MikroORM.init(createOrmConfig({ url, poolMax: 2 }));
        try {
          await applyMigrations(orm);
          await loadDataset(orm, scaleDataset(livorno, factor));
          await createAuditor(orm);
        } finally {
          await orm.close(true);
        }
        const server = await startBenchServer(url);
        try {
          await loginAuditor(server);
          runs.push(await benchOne(server, factor));
        } finally {
          await server.stop();
        }
      } finally {
        await dropDatabase(db.url, name);
      }
    }
  } finally {
    await db.embedded?.stop();
  }
  const once = runs.find((r) => r.factor === 1);
  const tenfold = runs.find((r) => r.factor === 10);
  const statementsFixed =
    runs.every((r) => r.statementsPerWholeTree.fixed) && (!once || !tenfold || once.statementsPerWholeTree.samples[0] === tenfold.statementsPerWholeTree.samples[0]);
  const report = {
    database: process.env['DATABASE_URL'] ? 'DATABASE_URL' : 'embedded',
    authentication: process.env['BENCH_AUTHORIZATION'] ? 'BENCH_AUTHORIZATION' : 'AUDITOR access token (login mutation)',
    node: process.version,
    goal: { wholeTreeP50Ms: GOAL_P50_MS, statementsFixedAt10x: true, mixedLoadReadP99AtMost: '2× the read-only p99' },
    goalMet: Boolean(once && once.wholeTree.p50Ms <= GOAL_P50_MS && statementsFixed && runs.every((r) => !r.mixedLoad || r.mixedLoad.goal.met)),
    statementsFixed,
    runs,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!report.goalMet) process.exitCode = 1;
}

async function benchOne(server: BenchServer, factor: number): Promise<RunReport> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const body = JSON.stringify({ query: await wholeTreeQuery() });
  const first = await post(server.url, body, agent);
  const tree = JSON.parse(first.text) as { data?: TreeShape; errors?: unknown[] };
  if (tree.errors || !tree.data) throw new Error(`whole-tree query failed: ${first.text.slice(0, 500)}`);
  const goals = tree.data.planEditions.flatMap((e) => e.mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.goals)))).length;
  const indicators = tree.data.planEditions.flatMap((e) => e.mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.indicators)))).length;
  for (let i = 0; i < WARMUP_REQUESTS; i += 1) await post(server.url, body, agent);

  const samples: number[] = [];
  for (let i = 0; i < STATEMENT_SAMPLES; i += 1) {
    const before = await server.statements();
    await post(server.url, body, agent);
    samples.push((await server.statements()) - before);
  }

  const times: number[] = [];
  const cpuBefore = await server.cpuMs();
  for (let i = 0; i < REQUESTS; i += 1) {
    const t0 = performance.now();
    const res = await post(server.url, body, agent);
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`whole-tree request ${i} answered ${res.status}`);
  }
  const serverCpuMsPerRequest = ((await server.cpuMs()) - cpuBefore) / REQUESTS;
  agent.destroy();

  const auditor = await post(server.url, JSON.stringify({ query: AUDITOR_QUERY }));
  const auditorBody = JSON.parse(auditor.text) as { errors?: unknown[] };
  if (auditor.status !== 200 || auditorBody.errors) throw new Error(`auditor query failed: ${auditor.text.slice(0, 500)}`);
  const auditorBodyText = JSON.stringify({ query: AUDITOR_QUERY });
  const statementsBefore = await server.statements();
  await post(server.url, auditorBodyText);
  const auditorStatements = (await server.statements()) - statementsBefore;
  const auditorCpuBefore = await server.cpuMs();
  const auditorTimes: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const t0 = performance.now();
    await post(server.url, auditorBodyText);
    auditorTimes.push(performance.now() - t0);
  }
  const auditorCpuMs = ((await server.cpuMs()) - auditorCpuBefore) / 50;
  const plannerToken = await preparePlanner(server);
  const load = await autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auditorHeaders() },
    body: JSON.stringify({ query: AUDITOR_QUERY }),
    connections: AUTOCANNON_CONNECTIONS,
    duration: AUTOCANNON_SECONDS,
  });

  return {
    factor,
    goals,
    indicators,
    wholeTree: { responseBytes: Buffer.byteLength(first.text), requests: REQUESTS, ...summarise(times), serverCpuMsPerRequest: round(serverCpuMsPerRequest) },
    statementsPerWholeTree: { samples, fixed: samples.every((s) => s === samples[0]) },
    auditorQuery: {
      statements: auditorStatements,
      sequentialP50Ms: summarise(auditorTimes).p50Ms,
      serverCpuMsPerRequest: round(auditorCpuMs),
      connections: AUTOCANNON_CONNECTIONS,
      durationSeconds: AUTOCANNON_SECONDS,
      requestsPerSecond: round(load.requests.average),
      totalRequests: load.requests.total,
      latencyP50Ms: load.latency.p50,
      latencyP99Ms: load.latency.p99,
      non2xx: load.non2xx,
      errors: load.errors,
      timeouts: load.timeouts,
    },
    statusWriteThroughput: await measureStatusWriteThroughput(server, plannerToken),
    mixedLoad: MIXED_FACTORS.includes(factor) ? await measureMixed(server, plannerToken, body) : null,
  };
}

interface TreeShape {
  planEditions: { mandateLines: { strategicObjectives: { operationalObjectives: { goals: unknown[]; indicators: unknown[] }[] }[] }[] }[];
}

/** One POST to /graphql as the AUDITOR. */
function post(baseUrl: string, body: string, agent?: Agent): Promise<{ status: number; text: string }> {
  return postGraphql(baseUrl, body, auditorHeaders(), agent);
}

function startBenchServer(databaseUrl: string): Promise<BenchServer> {
  // The same V8 flags as `npm run start:built` (a larger young generation: the whole-tree answer
  // allocates megabytes of short-lived objects per request).
  const execArgv = (process.env['BENCH_SERVER_NODE_OPTIONS'] ?? '--max-semi-space-size=64').split(' ').filter(Boolean);
  const child: ChildProcess = fork(join(__dirname, 'graphql-bench-server.js'), [], {
    // NODE_ENV=production as in a deployment (graphql-js, for one, skips its development checks).
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, JWT_SECRET, RATE_LIMIT_PER_MINUTE: '100000000' },
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters: ((m: BenchServerMessage) => void)[] = [];
  child.on('message', (m: BenchServerMessage) => waiters.shift()?.(m));
  const next = () => new Promise<BenchServerMessage>((resolve) => waiters.push(resolve));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const probe = async () => {
    const answer = next();
    child.send({ type: 'statements' } satisfies BenchServerRequest);
    const reply = await answer;
    if (reply.type !== 'statements') throw new Error('unexpected reply');
    return reply;
  };
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with code ${code}`)));
    void next().then((m) => {
      if (m.type !== 'ready') return reject(new Error(m.type === 'error' ? m.message : 'unexpected message'));
      resolve({
        url: m.url,
        async statements() {
          return (await probe()).total;
        },
        async cpuMs() {
          return (await probe()).cpuMicros / 1000;
        },
        async stop() {
          child.send({ type: 'stop' } satisfies BenchServerRequest);
          await exited;
        },
      });
    });
  });
}


function summarise(times: number[]): LatencySummary {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    p50Ms: round(at(0.5)),
    p90Ms: round(at(0.9)),
    p99Ms: round(at(0.99)),
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
    minMs: round(sorted[0]),
    maxMs: round(sorted[sorted.length - 1]),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
