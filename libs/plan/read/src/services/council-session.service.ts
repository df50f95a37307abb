import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';
import type { CouncilMotionType, CouncilSessionMemberType, CouncilSessionType } from '../types';

/**
 * The session records of many acts in four statements whatever their number (sessions,
 * members, motions with their votes, signatories), keyed by act id. Shared by the GraphQL
 * loader and the report source.
 */
export async function loadCouncilSessions(em: EntityManager, actIds: readonly string[]): Promise<Map<string, CouncilSessionType>> {
  const out = new Map<string, CouncilSessionType>();
  if (actIds.length === 0) return out;
  const sessions = await em.find(E.CouncilSession, { act: { $in: [...actIds] } });
  if (sessions.length === 0) return out;
  const ids = sessions.map((s) => s.id);
  const [members, motions, votes, signatories] = await Promise.all([
    em.find(E.CouncilSessionMember, { session: { $in: ids } }, { orderBy: { position: 'asc' } }),
    em.find(E.CouncilMotion, { session: { $in: ids } }, { orderBy: { position: 'asc' } }),
    em.find(E.CouncilVote, { motion: { session: { $in: ids } } }),
    em.find(E.CouncilSessionSignatory, { session: { $in: ids } }, { orderBy: { position: 'asc' } }),
  ]);
  const memberDtos = new Map<string, CouncilSessionMemberType>(
    members.map((m) => [
      m.id,
      { id: m.id, position: m.position, name: m.name, role: m.role, present: m.present, attendanceMode: m.attendanceMode ?? null, teller: m.teller },
    ]),
  );
  for (const s of sessions) {
    const ownMembers = members.filter((m) => m.session.id === s.id).map((m) => memberDtos.get(m.id)!);
    const ownMotions: CouncilMotionType[] = motions
      .filter((m) => m.session.id === s.id)
      .map((m) => {
        const voteList = votes
          .filter((v) => v.motion.id === m.id)
          .map((v) => ({ member: memberDtos.get(v.member.id)!, choice: v.choice }))
          .sort((a, b) => a.member.position - b.member.position);
        return {
          id: m.id,
          position: m.position,
          kind: m.kind,
          description: m.description,
          outcome: m.outcome,
          outcomeText: m.outcomeText,
          totals: E.voteTotals(voteList.map((v) => v.choice)),
          voteList,
        };
      });
    out.set(s.act.id, {
      id: s.id,
      heldOn: s.heldOn,
      startTime: s.startTime ?? null,
      kind: s.kind,
      venue: s.venue,
      remoteAttendance: s.remoteAttendance ?? null,
      presidentName: s.presidentName,
      secretaryRole: s.secretaryRole,
      secretaryName: s.secretaryName,
      members: ownMembers,
      presentCount: ownMembers.filter((m) => m.present).length,
      absentCount: ownMembers.filter((m) => !m.present).length,
      motions: ownMotions,
      signatories: signatories.filter((x) => x.session.id === s.id).map((x) => ({ role: x.role, name: x.name })),
    });
  }
  return out;
}
