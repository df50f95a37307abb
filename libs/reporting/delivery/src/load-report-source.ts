import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';
import { DomainError } from '@dup/graphql-kit';
import { amountsOf, cachedEditionTree, latestSpendingRows, loadCouncilSessions, readPlanDataVersions } from '@dup/plan-read';
import { REPORT_TEXT_KEYS, defaultReportText, type ReportScope, type ReportSource, type ReportTexts, type SourceCouncilSession } from '@dup/reporting';

export interface ReportRequest {
  enteId: string;
  editionCode: string;
  /** Cut-off date of the period, ISO. */
  period: string;
  scope: ReportScope;
}

/**
 * Everything the report builder needs for one edition, period and scope, read in a fixed
 * number of statements (the edition tree comes from the shared read model when current).
 * Unknown edition or period: NOT_FOUND with an Italian message.
 */
export async function loadReportSource(em: EntityManager, request: ReportRequest, now: Date = new Date()): Promise<ReportSource> {
  const edition = await em.findOne(E.PlanEdition, { ente: request.enteId, code: request.editionCode });
  if (!edition) throw new DomainError('NOT_FOUND', `Edizione del DUP "${request.editionCode}" non trovata.`, { field: 'edition' });
  const versions = await readPlanDataVersions(em);
  const [tree, spending, texts, departments] = await Promise.all([
    cachedEditionTree(em, versions, { id: edition.id, mandateId: edition.mandate.id }),
    latestSpendingRows(em, { edition: edition.id, cutoffDate: request.period }),
    em.find(E.ReportText, { edition: edition.id }, { populate: ['period'], strategy: 'joined' }),
    em.find(E.Department, { ente: request.enteId }, { orderBy: { code: 'asc' } }),
  ]);
  const period = tree.periods.find((p) => p.cutoffDate === request.period);
  if (!period) {
    const known = tree.periods.map((p) => p.cutoffDate).join(', ') || 'nessuno';
    throw new DomainError('NOT_FOUND', `Periodo ${request.period} non presente nell'edizione ${request.editionCode} (periodi: ${known}).`, { field: 'period' });
  }
  const councilSession = period.approvedBy ? await loadApprovingSession(em, period.approvedBy) : null;
  return {
    plan: { ente: tree.ente, mandate: tree.mandate, acts: tree.acts, amendments: tree.amendments, mandateLines: tree.mandateLines },
    edition: { code: edition.code, title: edition.title, startYear: edition.startYear, endYear: edition.endYear },
    period: {
      cutoffDate: period.cutoffDate,
      kind: period.kind,
      state: period.state,
      approvedBy: period.state === E.PeriodState.APPROVED_BY_COUNCIL ? period.approvedBy : null,
    },
    spending: spending.map((r) => {
      const programme = r.programme.getEntity();
      const mission = programme.mission.getEntity();
      return {
        missionCode: mission.code,
        missionName: mission.name ?? null,
        programmeCode: programme.code,
        programmeName: programme.name,
        amounts: amountsOf(r),
      };
    }),
    texts: resolveTexts(texts, request.period),
    scope: request.scope,
    departments: departments.map((d) => ({ code: d.code, name: d.name })),
    dataVersion: versions === null ? null : versions.version.toString(),
    generatedAt: now.toISOString(),
    councilSession,
  };
}

/** The minutes of the session that approved the period, when recorded (four statements, only for an approved period). */
async function loadApprovingSession(em: EntityManager, act: SourceCouncilSession['act'] & { id: string }): Promise<SourceCouncilSession | null> {
  const session = (await loadCouncilSessions(em, [act.id])).get(act.id);
  if (!session) return null;
  return {
    act: { body: act.body, kind: act.kind, number: act.number, date: act.date, subject: act.subject },
    heldOn: session.heldOn,
    startTime: session.startTime,
    kind: session.kind,
    venue: session.venue,
    remoteAttendance: session.remoteAttendance,
    presidentName: session.presidentName,
    secretaryRole: session.secretaryRole,
    secretaryName: session.secretaryName,
    members: session.members.map((m) => ({
      position: m.position,
      name: m.name,
      role: m.role,
      present: m.present,
      attendanceMode: m.attendanceMode,
      teller: m.teller,
    })),
    motions: session.motions.map((m) => ({
      position: m.position,
      kind: m.kind,
      description: m.description,
      outcome: m.outcome,
      outcomeText: m.outcomeText,
      votes: m.voteList.map((v) => ({ memberPosition: v.member.position, choice: v.choice })),
    })),
    signatories: session.signatories,
  };
}

/** Per key: the period's own text, else the edition's, else the shipped default. */
function resolveTexts(rows: E.ReportText[], cutoff: string): ReportTexts {
  const pick = (key: string) =>
    rows.find((t) => t.key === key && t.period && t.period.getEntity().cutoffDate === cutoff)?.markdown ??
    rows.find((t) => t.key === key && !t.period)?.markdown ??
    defaultReportText(key);
  return Object.fromEntries(REPORT_TEXT_KEYS.map((k) => [k, pick(k)])) as ReportTexts;
}
