import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';
import type { CouncilSessionData } from '../dataset/plan-dataset';
import { syncByKey } from './upsert';

/**
 * Writes the council session records of a dataset (minutes of the sessions that adopted its
 * acts), matched by act, member position, motion position and signatory position, so that
 * loading again changes nothing. Members, motions, votes and signatories not in the dataset any
 * more are removed: the record is the dataset's. Consistency (a roll call) is checked with the
 * other rules before anything is written (validateDataset).
 */
export async function loadCouncilSessions(
  em: EntityManager,
  ente: E.Ente,
  sessions: readonly CouncilSessionData[],
  act: (key: string, where: string) => E.Act,
): Promise<number> {
  const tenant = { ente };
  const rows = syncByKey({
    em,
    entity: E.CouncilSession,
    existing: await em.find(E.CouncilSession, { ente }),
    wanted: sessions,
    keyOfExisting: (s) => s.act.id,
    keyOfWanted: (s) => act(s.actKey, 'seduta').id,
    data: (s) => ({
      ...tenant,
      act: act(s.actKey, 'seduta'),
      heldOn: s.heldOn,
      startTime: s.startTime,
      kind: s.kind as E.CouncilSessionKind,
      venue: s.venue,
      remoteAttendance: s.remoteAttendance,
      presidentName: s.presidentName,
      secretaryRole: s.secretaryRole,
      secretaryName: s.secretaryName,
    }),
  });
  const ids = [...rows.values()].map((r) => r.id);
  const [members, motions, votes, signatories] = await Promise.all([
    em.find(E.CouncilSessionMember, { session: { $in: ids } }),
    em.find(E.CouncilMotion, { session: { $in: ids } }),
    em.find(E.CouncilVote, { motion: { session: { $in: ids } } }),
    em.find(E.CouncilSessionSignatory, { session: { $in: ids } }),
  ]);
  let count = 0;
  for (const s of sessions) {
    const session = rows.get(act(s.actKey, 'seduta').id)!;
    const own = <T extends { session: { id: string } }>(xs: T[]) => xs.filter((x) => x.session.id === session.id);
    const memberRows = syncByKey({
      em,
      entity: E.CouncilSessionMember,
      existing: own(members),
      wanted: s.members,
      keyOfExisting: (m) => String(m.position),
      keyOfWanted: (m) => String(m.position),
      data: (m) => ({
        ...tenant,
        session,
        position: m.position,
        name: m.name,
        role: m.role as E.CouncilMemberRole,
        present: m.present,
        attendanceMode: m.attendanceMode as E.AttendanceMode | undefined,
        teller: m.teller,
      }),
      removeOthers: true,
    });
    const memberByName = new Map(s.members.map((m) => [m.name, memberRows.get(String(m.position))!]));
    const motionRows = syncByKey({
      em,
      entity: E.CouncilMotion,
      existing: own(motions),
      wanted: s.motions,
      keyOfExisting: (m) => String(m.position),
      keyOfWanted: (m) => String(m.position),
      data: (m) => ({
        ...tenant,
        session,
        position: m.position,
        kind: m.kind as E.MotionKind,
        description: m.description,
        outcome: m.outcome as E.MotionOutcome,
        outcomeText: m.outcomeText,
      }),
      removeOthers: true,
    });
    for (const m of s.motions) {
      const motion = motionRows.get(String(m.position))!;
      syncByKey({
        em,
        entity: E.CouncilVote,
        existing: votes.filter((v) => v.motion.id === motion.id),
        wanted: m.votes,
        keyOfExisting: (v) => v.member.id,
        keyOfWanted: (v) => memberByName.get(v.memberName)!.id,
        data: (v) => ({ ...tenant, motion, member: memberByName.get(v.memberName)!, choice: v.choice as E.VoteChoice }),
        removeOthers: true,
      });
    }
    syncByKey({
      em,
      entity: E.CouncilSessionSignatory,
      existing: own(signatories),
      wanted: s.signatories.map((x, i) => ({ ...x, position: i + 1 })),
      keyOfExisting: (x) => String(x.position),
      keyOfWanted: (x) => String(x.position),
      data: (x) => ({ ...tenant, session, position: x.position, role: x.role, name: x.name }),
      removeOthers: true,
    });
    count++;
  }
  return count;
}
