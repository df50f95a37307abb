import autocannon from 'autocannon';

/**
 * Throughput of goal-status writes (`setGoalStatus`) under autocannon over loopback.
 *
 * Each autocannon connection owns one goal and sends the version it last received, as a real
 * editor would: the figure is the cost of a successful, versioned, audited write (lock, update,
 * history row, audit row, one transaction), not of conflict handling. Conflicts and errors are
 * counted and reported; with one goal per connection both should be zero.
 *
 * Preconditions (the caller's): `period` is OPEN in the goals' edition, `token` is a
 * PLANNING_OFFICE access token (JWT), and `goalIds` has at least `connections` ids.
 */
export interface StatusWriteOptions {
  goalIds: readonly string[];
  /** Cut-off of an OPEN period, e.g. "2020-12-31". */
  period: string;
  connections?: number;
  durationSeconds?: number;
}

export interface StatusWriteReport {
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  totalRequests: number;
  /** Responses with a GraphQL error (CONFLICT included) or a non-2xx status. */
  failed: number;
  conflicts: number;
  /** Failed responses by `extensions.code` (or HTTP status). */
  errorCodes: Record<string, number>;
}

const SET_STATUS = `mutation($input: SetGoalStatusInput!) { setGoalStatus(input: $input) { version } }`;

export async function measureStatusWrites(url: string, token: string, options: StatusWriteOptions): Promise<StatusWriteReport> {
  const connections = options.connections ?? 10;
  const durationSeconds = options.durationSeconds ?? 10;
  if (options.goalIds.length < connections) throw new Error(`measureStatusWrites needs ${connections} goal ids, got ${options.goalIds.length}`);
  // Autocannon resets per-connection context between request rounds, so state lives here:
  // writes go round-robin over the goals, each carrying the last version seen for its goal.
  let next = 0;
  const versions = new Map<string, number | null>(options.goalIds.map((id) => [id, null]));
  let failed = 0;
  let conflicts = 0;
  const errorCodes: Record<string, number> = {};
  const result = await autocannon({
    url: `${url.replace(/\/$/, '')}/graphql`,
    method: 'POST',
    connections,
    duration: durationSeconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (request, context: { goalId?: string }) => {
          const goalId = options.goalIds[next % options.goalIds.length];
          next += 1;
          context.goalId = goalId;
          const input = {
            goalId,
            period: options.period,
            expectedVersion: versions.get(goalId) ?? null,
            narrative: `Misura di throughput: scrittura ${next}.`,
            declaredState: 'IN_PROGRESS',
          };
          return { ...request, body: JSON.stringify({ query: SET_STATUS, variables: { input } }) };
        },
        onResponse: (status, body, context: { goalId?: string }) => {
          const goalId = context.goalId!;
          const parsed = JSON.parse(body) as { data?: { setGoalStatus: { version: number } }; errors?: { extensions?: { code?: string; currentVersion?: number } }[] };
          const error = parsed.errors?.[0];
          if (status !== 200 || error || !parsed.data) {
            failed += 1;
            const code = String(error?.extensions?.code ?? `HTTP_${status}`);
            errorCodes[code] = (errorCodes[code] ?? 0) + 1;
            if (error?.extensions?.code === 'CONFLICT') {
              conflicts += 1;
              versions.set(goalId, error.extensions.currentVersion ?? null); // merge by taking the current version
            }
            return;
          }
          versions.set(goalId, parsed.data.setGoalStatus.version);
        },
      },
    ],
  });
  return {
    connections,
    durationSeconds,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    totalRequests: result.requests.total,
    failed: failed + result.errors + result.timeouts,
    conflicts,
    errorCodes,
  };
}

/** The first `count` goal ids of an edition, in plan order, through the read API. */
export async function goalIdsForWrites(url: string, token: string, edition: string, count: number): Promise<string[]> {
  const query = `query($e: String!) { planEditions(code: $e) { mandateLines { strategicObjectives { operationalObjectives { goals { id } } } } } }`;
  const res = await fetch(`${url.replace(/\/$/, '')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { e: edition } }),
  });
  type Tree = { planEditions: { mandateLines: { strategicObjectives: { operationalObjectives: { goals: { id: string }[] }[] }[] }[] }[] };
  const body = (await res.json()) as { data?: Tree; errors?: unknown[] };
  if (!body.data) throw new Error(`goal ids query failed: ${JSON.stringify(body.errors)}`);
  const ids = body.data.planEditions.flatMap((e) => e.mandateLines.flatMap((l) => l.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o) => o.goals.map((g) => g.id)))));
  return [...new Set(ids)].slice(0, count);
}
