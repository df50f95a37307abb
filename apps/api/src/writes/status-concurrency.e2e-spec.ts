import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from '../testing/test-server';
import { livornoTargets, M, ok, outcome, statusVersion } from '../testing/write-fixtures';

const ROUNDS = Number(process.env['CONCURRENCY_ROUNDS'] ?? 1000);
const PERIOD = '2020-12-31';

interface StatusData {
  setGoalStatus: { version: number; narrative: string };
}

describe('two writers racing on the same goal status', () => {
  let t: TestServer;
  let goalId: string;
  let writers: { name: string; token: string }[];

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    goalId = (await livornoTargets(t)).goalId;
    const office = await t.loginAs(Role.PLANNING_OFFICE);
    const head = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['URB_PROG'] });
    writers = [
      { name: 'ufficio', token: office },
      { name: 'dirigente', token: head },
    ];
    await ok(t, M.openPeriod, { e: '2020-2022', d: PERIOD }, office);
    await ok(t, M.setStatus, { input: { goalId, period: PERIOD, narrative: 'Versione iniziale.', declaredState: 'IN_PROGRESS' } }, office);
  });
  afterAll(() => t.stop());

  it(`${ROUNDS} rounds: exactly one writer wins each round, the other gets CONFLICT with the winner's text, nothing is lost`, async () => {
    const initial = (await statusVersion(t, goalId, PERIOD))!;
    const started = Date.now();
    const winners: string[] = [];
    let version = initial;
    for (let round = 1; round <= ROUNDS; round++) {
      // Both read `version` and write concurrently.
      const responses = await Promise.all(
        writers.map((w) =>
          t.gql<StatusData>(
            M.setStatus,
            { input: { goalId, period: PERIOD, expectedVersion: version, narrative: `Giro ${round}: ${w.name}.`, declaredState: 'IN_PROGRESS' } },
            w.token,
          ),
        ),
      );
      const outcomes = responses.map(outcome).sort();
      if (outcomes.join() !== 'CONFLICT,OK') throw new Error(`round ${round}: ${JSON.stringify(responses.map((r) => r.errors ?? r.data))}`);
      const won = responses.find((r) => outcome(r) === 'OK')!.data!.setGoalStatus;
      const lost = responses.find((r) => outcome(r) === 'CONFLICT')!.errors![0].extensions!;
      expect(won.version).toBe(version + 1);
      // The loser is told what it lost against: the current version and text, to merge.
      expect(lost).toMatchObject({ currentVersion: version + 1, current: { narrative: won.narrative, version: version + 1 } });
      winners.push(won.narrative);
      version = won.version;
    }
    const seconds = (Date.now() - started) / 1000;

    expect(await statusVersion(t, goalId, PERIOD)).toBe(initial + ROUNDS);
    const history = await t.gql<{ goalStatusHistory: { version: number; narrative: string }[] }>(M.statusHistory, { g: goalId, p: PERIOD }, writers[0].token);
    const versions = history.data!.goalStatusHistory;
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => initial + i));
    expect(versions.slice(1).map((v) => v.narrative)).toEqual(winners);
    const [audit] = await t.db.orm.em
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) n from audit_entry where operation = 'SET_GOAL_STATUS' and after->>'goalId' = ?`, [goalId]);
    expect(Number(audit.n)).toBe(ROUNDS + 1);
    const wins = winners.reduce<Record<string, number>>((acc, n) => ((acc[n.split(': ')[1]] = (acc[n.split(': ')[1]] ?? 0) + 1), acc), {});
    console.log(`concurrency: ${ROUNDS} rounds, ${ROUNDS * 2} requests in ${seconds.toFixed(1)} s; wins ${JSON.stringify(wins)}`);
  }, 180_000);
});
