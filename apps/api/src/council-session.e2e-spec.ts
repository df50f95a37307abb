import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';

const SESSION = /* GraphQL */ `
  query Session($code: String!) {
    planEditions(code: $code) {
      periods {
        cutoffDate
        approvedBy {
          number
          councilSession {
            heldOn
            startTime
            kind
            venue
            remoteAttendance
            presidentName
            secretaryRole
            secretaryName
            presentCount
            absentCount
            members {
              position
              name
              role
              present
              attendanceMode
              teller
            }
            motions {
              position
              kind
              description
              outcome
              outcomeText
              totals {
                voters
                favourable
                against
                abstained
                absent
              }
              abstainers: votes(choice: ABSTAINED) {
                member {
                  name
                }
              }
              against: votes(choice: AGAINST) {
                member {
                  name
                }
              }
              votes {
                choice
              }
            }
            signatories {
              role
              name
            }
          }
        }
        notedBy {
          number
          councilSession {
            heldOn
          }
        }
      }
      acts {
        act {
          number
          councilSession {
            heldOn
          }
        }
      }
    }
  }
`;

interface Motion {
  position: number;
  kind: string;
  outcome: string;
  outcomeText: string;
  totals: Record<string, number>;
  abstainers: { member: { name: string } }[];
  against: { member: { name: string } }[];
  votes: { choice: string }[];
}
interface SessionData {
  planEditions: {
    periods: {
      approvedBy: {
        number: string;
        councilSession: Record<string, unknown> & {
          members: { name: string; present: boolean; attendanceMode: string | null; role: string; teller: boolean }[];
          motions: Motion[];
        };
      };
      notedBy: { councilSession: null };
    }[];
    acts: { act: { number: string; councilSession: { heldOn: string } | null } }[];
  }[];
}

describe('Act.councilSession on the Livorno plan (CC 195/2020)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
  });
  afterAll(() => t.stop());

  it('gives an auditor the minutes: session, 30 present and 3 absent by name, both votes with totals and names, signatories', async () => {
    const res = await t.gql<SessionData>(SESSION, { code: '2020-2022' });
    expect(res.errors).toBeUndefined();
    const period = res.data!.planEditions[0].periods[0];
    const s = period.approvedBy.councilSession;
    expect(s).toMatchObject({
      heldOn: '2020-11-13',
      startTime: '14:45',
      kind: 'STRAORDINARIA',
      venue: 'nella residenza comunale di Livorno nella sala delle adunanze',
      presidentName: 'Pietro Caruso',
      secretaryRole: 'Segretario Generale',
      secretaryName: 'Maria Luisa Massai',
      presentCount: 30,
      absentCount: 3,
    });
    expect(s.members).toHaveLength(33);
    expect(s.members.filter((m) => !m.present).map((m) => m.name)).toEqual(['TORNAR DANIELE', 'CORNIGLIA MARINA', 'GHIOZZI CARLO']);
    expect(s.members.filter((m) => m.attendanceMode === 'IN_PERSON').map((m) => m.name)).toEqual(['CARUSO PIETRO', 'SIMONI CINZIA', 'DI LIBERTI GIANLUCA']);
    expect(s.members.filter((m) => m.role !== 'CONSIGLIERE').map((m) => `${m.role}:${m.name}`)).toEqual(['SINDACO:SALVETTI LUCA', 'PRESIDENTE:CARUSO PIETRO']);
    const [deliberation, immediate] = s.motions;
    expect(deliberation).toMatchObject({ position: 1, kind: 'DELIBERATION', outcome: 'APPROVED' });
    expect(deliberation.totals).toEqual({ voters: 29, favourable: 18, against: 11, abstained: 1, absent: 3 });
    expect(deliberation.abstainers.map((v) => v.member.name)).toEqual(['CARUSO PIETRO']);
    expect(deliberation.against).toHaveLength(11);
    expect(deliberation.votes).toHaveLength(33);
    expect(immediate).toMatchObject({ position: 2, kind: 'IMMEDIATE_EXECUTABILITY', outcome: 'APPROVED', outcomeText: 'La proposta è accolta.' });
    expect(immediate.totals).toEqual({ voters: 30, favourable: 19, against: 11, abstained: 0, absent: 3 });
    expect(immediate.abstainers).toEqual([]);
    expect(s['signatories']).toEqual([
      { role: 'Il Presidente del Consiglio', name: 'Pietro Caruso' },
      { role: 'Il Segretario Generale', name: 'Maria Luisa Massai' },
    ]);
    // Only the approving act has minutes; every other act answers null.
    expect(period.notedBy.councilSession).toBeNull();
    const withSession = res.data!.planEditions[0].acts.filter((a) => a.act.councilSession !== null).map((a) => a.act.number);
    expect(withSession).toEqual(['195']);
  });

  it('loads the sessions of every act of the query in one batch (a fixed number of statements)', async () => {
    const q = `{ planEditions(code: "2020-2022") { acts { act { number } } } }`;
    const withSessions = `{ planEditions(code: "2020-2022") { acts { act { number councilSession { heldOn members { name } motions { votes { choice member { name } } } signatories { name } } } }
                           periods { approvedBy { councilSession { heldOn } } notedBy { councilSession { heldOn } } } } }`;
    await t.gql(q);
    let before = t.counter.totalStatements;
    expect((await t.gql(q)).errors).toBeUndefined();
    const base = t.counter.totalStatements - before;
    before = t.counter.totalStatements;
    expect((await t.gql(withSessions)).errors).toBeUndefined();
    // 10 edition acts and 2 period acts, one batch: sessions, then members, motions, votes, signatories.
    expect(t.counter.totalStatements - before - base).toBe(5);
  });

  it('answers council members too (the minutes are a public act)', async () => {
    const token = await t.loginAs(Role.COUNCIL_MEMBER);
    const res = await t.gql<SessionData>(SESSION, { code: '2020-2022' }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.planEditions[0].periods[0].approvedBy.councilSession.motions[0].totals['favourable']).toBe(18);
  });
});
