import { VoteChoice } from '../enums';
import { PlanRuleViolation } from './plan-rules';

/**
 * The figures a roll-call vote is proclaimed with. As in the minutes, abstainers are present but
 * not voting: "votanti" are the favourable and the contrary votes only (Livorno, CC 195/2020:
 * 30 present, 1 abstained, 29 voting).
 */
export interface VoteTotals {
  voters: number;
  favourable: number;
  against: number;
  abstained: number;
  absent: number;
}

/** Any other value than the four choices counts as absent; the choices are checked where votes are written. */
export function voteTotals(choices: Iterable<string>): VoteTotals {
  const t: VoteTotals = { voters: 0, favourable: 0, against: 0, abstained: 0, absent: 0 };
  for (const c of choices) {
    if (c === VoteChoice.FAVOURABLE) t.favourable++;
    else if (c === VoteChoice.AGAINST) t.against++;
    else if (c === VoteChoice.ABSTAINED) t.abstained++;
    else t.absent++;
  }
  t.voters = t.favourable + t.against;
  return t;
}

export interface SessionRecordShape {
  members: readonly { name: string; present: boolean }[];
  motions: readonly { position: number; votes: readonly { memberName: string; choice: VoteChoice | `${VoteChoice}` }[] }[];
}

/**
 * A session record is a roll call: every member once, and on every motion one vote per member,
 * an absent member's being "Assente".
 */
export function assertSessionRecordConsistent(s: SessionRecordShape, where: string): void {
  const present = new Map<string, boolean>();
  for (const m of s.members) {
    if (present.has(m.name)) throw new PlanRuleViolation('SESSION_MEMBER_TWICE', `Il consigliere ${m.name} compare due volte nelle presenze`, where);
    present.set(m.name, m.present);
  }
  for (const motion of s.motions) {
    const voted = new Set<string>();
    for (const v of motion.votes) {
      const isPresent = present.get(v.memberName);
      if (isPresent === undefined) {
        throw new PlanRuleViolation(
          'SESSION_VOTER_UNKNOWN',
          `Il votante ${v.memberName} della votazione ${motion.position} non è tra i consiglieri della seduta`,
          where,
        );
      }
      if (voted.has(v.memberName))
        throw new PlanRuleViolation('SESSION_VOTE_TWICE', `Il consigliere ${v.memberName} vota due volte nella votazione ${motion.position}`, where);
      if (!isPresent && v.choice !== VoteChoice.ABSENT) {
        throw new PlanRuleViolation(
          'SESSION_ABSENT_VOTER',
          `Il consigliere ${v.memberName} risulta assente ma ha un voto nella votazione ${motion.position}`,
          where,
        );
      }
      voted.add(v.memberName);
    }
    if (voted.size !== present.size) {
      throw new PlanRuleViolation('SESSION_VOTES_INCOMPLETE', `La votazione ${motion.position} riporta ${voted.size} consiglieri su ${present.size}`, where);
    }
  }
}
