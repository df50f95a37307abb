import type { EntityManager } from '@mikro-orm/postgresql';

/** What an audit entry changed, in the terms of the plan rather than internal ids. */
export interface AuditSubject {
  objectiveCode: string | null;
  goalId: string | null;
  goalPosition: number | null;
  goalTitle: string | null;
  indicatorId: string | null;
  indicatorName: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  /** ISO date of the reporting period's cut-off. */
  periodCutoff: string | null;
  /** Short Italian description, e.g. "Finalità 2 dell'obiettivo 7.01.01 — …". */
  label: string;
}

interface SubjectRow {
  id: string;
  entity_type: string;
  entity_id: string;
  text_key: string | null;
  goal_id: string | null;
  goal_position: number | null;
  goal_title: string | null;
  indicator_id: string | null;
  indicator_name: string | null;
  objective_code: string | null;
  department_code: string | null;
  department_name: string | null;
  period_cutoff: string | null;
  username: string | null;
  token_name: string | null;
  act_kind: string | null;
  act_body: string | null;
  act_number: string | null;
  act_date: string | null;
}

/**
 * The subjects of many audit entries in one statement. Entries name their entity by type and id;
 * the relations from there to the plan never change (a status belongs to one goal, a result to
 * one indicator, a review to one department), so joining at read time describes old and new rows
 * alike. A goal's department is its lead department; an indicator's is that of its goal.
 */
const SUBJECTS_SQL = `
with e as (
  select a.id, a.entity_type, a.entity_id, a.period_id,
         case when a.entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then a.entity_id::uuid end as uid,
         coalesce(a.after->>'key', a.before->>'key') as text_key
  from audit_entry a
  where a.id = any(?::bigint[]) and a.ente_id = ?
)
select e.id::text as id, e.entity_type, e.entity_id, e.text_key,
       g.id as goal_id, g.position as goal_position, g.title as goal_title,
       i.id as indicator_id, i.name as indicator_name, o.code as objective_code,
       d.code as department_code, d.name as department_name, p.cutoff_date::text as period_cutoff,
       u.username, tok.name as token_name,
       act.kind as act_kind, act.body as act_body, act.number as act_number, act.date::text as act_date
from e
left join goal_status gs on e.entity_type = 'GoalStatus' and gs.id = e.uid
left join goal_contribution gc on e.entity_type = 'GoalContribution' and gc.id = e.uid
left join department_review dr on e.entity_type = 'DepartmentReview' and dr.id = e.uid
left join indicator_result ir on e.entity_type = 'IndicatorResult' and ir.id = e.uid
left join indicator i on i.id = case when e.entity_type = 'Indicator' then e.uid else ir.indicator_id end
left join goal g on g.id = coalesce(gs.goal_id, gc.goal_id, i.goal_id)
left join operational_objective o on o.id = coalesce(i.objective_id, g.objective_id)
left join lateral (
  -- The department that reports the goal: its capofila, or the only department it lists.
  select gd.department_id from goal_department gd
  where gd.goal_id = g.id and gd.department_id is not null
    and (gd.lead or (select count(*) from goal_department x where x.goal_id = g.id) = 1)
  order by gd.lead desc, gd.position limit 1
) lead on true
left join department d on d.id = coalesce(gc.department_id, dr.department_id, lead.department_id)
left join reporting_period p on p.id = coalesce(e.period_id, case when e.entity_type = 'ReportingPeriod' then e.uid end)
left join api_token tok on e.entity_type = 'ApiToken' and tok.id = e.uid
left join app_user u on u.id = case when e.entity_type = 'User' then e.uid else tok.user_id end
left join act on e.entity_type = 'Act' and act.id = e.uid`;

/** Subjects of the given audit entries of one ente, by entry id (one statement). */
export async function loadAuditSubjects(em: EntityManager, enteId: string, entryIds: readonly string[]): Promise<Map<string, AuditSubject>> {
  const ids = entryIds.filter((id) => /^\d{1,19}$/.test(id));
  if (ids.length === 0) return new Map();
  const rows = await em.getConnection().execute<SubjectRow[]>(SUBJECTS_SQL, [`{${ids.join(',')}}`, enteId]);
  return new Map(rows.map((r) => [r.id, toSubject(r)]));
}

function toSubject(r: SubjectRow): AuditSubject {
  return {
    objectiveCode: r.objective_code,
    goalId: r.goal_id,
    goalPosition: r.goal_position,
    goalTitle: r.goal_title,
    indicatorId: r.indicator_id,
    indicatorName: r.indicator_name,
    departmentCode: r.department_code,
    departmentName: r.department_name,
    periodCutoff: r.period_cutoff,
    label: labelOf(r),
  };
}

const TEXT_KEY_LABELS: Record<string, string> = {
  mandateIntro: 'introduzione alle linee di mandato',
  normativeFramework: 'premessa normativa',
  editionHistory: "storia dell'edizione",
  internalControls: 'controlli interni',
  statusIntro: 'introduzione allo stato di attuazione',
};

const ACT_KIND_LABELS: Record<string, string> = {
  DELIBERAZIONE: 'Deliberazione',
  DECISIONE: 'Decisione',
  DETERMINAZIONE: 'Determinazione',
  DECRETO: 'Decreto',
  ORDINANZA: 'Ordinanza',
  ALTRO: 'Atto',
};

const ACT_BODY_LABELS: Record<string, string> = {
  CONSIGLIO: ' del Consiglio comunale',
  GIUNTA: ' della Giunta',
  SINDACO: ' del Sindaco',
  DIRIGENTE: ' dirigenziale',
  SEGRETARIO: ' del Segretario generale',
  ALTRO: '',
};

export const italianDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Titles run to several lines; a label keeps the start, cut at a word. */
export function shortTitle(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function labelOf(r: SubjectRow): string {
  const period = r.period_cutoff ? ` — periodo al ${italianDate(r.period_cutoff)}` : '';
  const goal = r.goal_position !== null && r.objective_code ? `finalità ${r.goal_position} dell'obiettivo ${r.objective_code} — ${shortTitle(r.goal_title ?? '')}` : null;
  switch (r.entity_type) {
    case 'GoalStatus':
      if (goal) return capitalise(goal);
      break;
    case 'GoalContribution':
      if (goal && r.department_name) return `Contributo del settore ${r.department_name} alla ${goal}`;
      break;
    case 'IndicatorResult':
    case 'Indicator':
      if (r.indicator_name) return `Indicatore «${shortTitle(r.indicator_name)}»${r.objective_code ? ` (${r.objective_code})` : ''}`;
      break;
    case 'DepartmentReview':
      if (r.department_name) return `Revisione del settore ${r.department_name}${period}`;
      break;
    case 'ReportingPeriod':
      if (r.period_cutoff) return `Periodo al ${italianDate(r.period_cutoff)}`;
      break;
    case 'ReportText':
      if (r.text_key) return `Testo del rapporto «${TEXT_KEY_LABELS[r.text_key] ?? r.text_key}»${period || ' — tutti i periodi'}`;
      break;
    case 'User':
      if (r.username) return `Utente ${r.username}`;
      break;
    case 'ApiToken':
      if (r.token_name) return `Token API «${r.token_name}»${r.username ? ` di ${r.username}` : ''}`;
      break;
    case 'Act':
      if (r.act_kind && r.act_number && r.act_date) {
        return `${ACT_KIND_LABELS[r.act_kind] ?? 'Atto'}${ACT_BODY_LABELS[r.act_body ?? ''] ?? ''} n. ${r.act_number} del ${italianDate(r.act_date)}`;
      }
      break;
  }
  // The entity no longer exists (or is of a kind added later): say what the entry itself knows.
  return `${r.entity_type} ${r.entity_id}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
