import type { EntityManager } from '@mikro-orm/postgresql';
import { PlanEdition } from '@dup/domain';
import { type AuditActor, recordAudit } from '@dup/audit';
import { badUserInput, DomainError, notFound } from '@dup/graphql-kit';
import { MAX_LABEL, text } from '../validation';

export interface CreateEditionInput {
  /** Code of the edition carried forward, e.g. "2020-2022". */
  from: string;
  /** First year of the new edition, e.g. 2021 for DUP 2021-2023. */
  startYear: number;
  title?: string | null;
}

export interface CreatedEdition {
  edition: PlanEdition;
  copied: { strategicObjectives: number; operationalObjectives: number; goals: number; indicators: number };
}

/*
 * The copy, one INSERT … SELECT per table, in parent-to-child order. Objectives and goals carry
 * `predecessor_id` to the row they were copied from, which is also how each child finds its new
 * parent; indicators, which have no predecessor column, are matched by objective and position.
 * Only the structure is copied: no status, result, review, period, act or amendment. What the
 * old edition had retired is left behind; what it added by amendment is part of the new plan
 * from its approval (no `introduced_by`). Department years and targets keep the years that fall
 * in the new edition. `$1` old edition, `$2` new edition.
 */
const COPY_STATEMENTS: readonly string[] = [
  `insert into strategic_objective (id, ente_id, edition_id, line_id, code, title, alternate_titles, description, partecipate, predecessor_id)
   select gen_random_uuid(), s.ente_id, $2, s.line_id, s.code, s.title, s.alternate_titles, s.description, s.partecipate, s.id
     from strategic_objective s where s.edition_id = $1 and s.retired_by_id is null`,
  `insert into strategic_objective_mission (id, ente_id, objective_id, mission_code, position)
   select gen_random_uuid(), m.ente_id, ns.id, m.mission_code, m.position
     from strategic_objective_mission m join strategic_objective ns on ns.predecessor_id = m.objective_id and ns.edition_id = $2`,
  `insert into operational_objective (id, ente_id, edition_id, strategic_objective_id, code, title, alternate_titles, owner_label, goals_heading, predecessor_id)
   select gen_random_uuid(), o.ente_id, $2, ns.id, o.code, o.title, o.alternate_titles, o.owner_label, o.goals_heading, o.id
     from operational_objective o join strategic_objective ns on ns.predecessor_id = o.strategic_objective_id and ns.edition_id = $2
    where o.edition_id = $1 and o.retired_by_id is null`,
  `insert into objective_owner (id, ente_id, objective_id, owner_id, position)
   select gen_random_uuid(), r.ente_id, no.id, r.owner_id, r.position
     from objective_owner r join operational_objective no on no.predecessor_id = r.objective_id and no.edition_id = $2`,
  `insert into objective_programme (id, ente_id, objective_id, programme_id, position)
   select gen_random_uuid(), r.ente_id, no.id, r.programme_id, r.position
     from objective_programme r join operational_objective no on no.predecessor_id = r.objective_id and no.edition_id = $2`,
  `insert into goal (id, ente_id, objective_id, position, title, description, predecessor_id)
   select gen_random_uuid(), g.ente_id, no.id, g.position, g.title, g.description, g.id
     from goal g join operational_objective no on no.predecessor_id = g.objective_id and no.edition_id = $2`,
  `insert into goal_department (id, ente_id, goal_id, position, department_id, all_departments_label, printed_name, lead, years, note)
   select gen_random_uuid(), d.ente_id, ng.id, d.position, d.department_id, d.all_departments_label, d.printed_name, d.lead,
          array(select y from unnest(d.years) y, plan_edition e where e.id = $2 and y between e.start_year and e.end_year order by y), d.note
     from goal_department d
     join goal ng on ng.predecessor_id = d.goal_id
     join operational_objective no on no.id = ng.objective_id and no.edition_id = $2`,
  `insert into indicator (id, ente_id, objective_id, goal_id, group_label, position, name, unit, kind, polarity)
   select gen_random_uuid(), i.ente_id, no.id, ng.id, i.group_label, i.position, i.name, i.unit, i.kind, i.polarity
     from indicator i
     join operational_objective no on no.predecessor_id = i.objective_id and no.edition_id = $2
     left join goal ng on ng.predecessor_id = i.goal_id and ng.objective_id = no.id`,
  `insert into indicator_target (id, ente_id, indicator_id, year, comparator, value, unit, text)
   select gen_random_uuid(), t.ente_id, ni.id, t.year, t.comparator, t.value, t.unit, t.text
     from indicator_target t
     join indicator i on i.id = t.indicator_id
     join operational_objective no on no.predecessor_id = i.objective_id and no.edition_id = $2
     join indicator ni on ni.objective_id = no.id and ni.position = i.position
     join plan_edition e on e.id = $2
    where t.year between e.start_year and e.end_year`,
];

/**
 * Creates the next edition of the DUP from the previous one (DUP 2021-2023 from 2020-2022), in
 * one transaction: the edition row, then the structure copied as above. Nothing of the old
 * edition is written. Refused when the code exists, or when the new edition does not start
 * after the old one or starts in the same year as another edition of the ente.
 */
export async function createEditionFrom(em: EntityManager, actor: AuditActor, input: CreateEditionInput, requestId?: string): Promise<CreatedEdition> {
  if (!Number.isInteger(input.startYear) || input.startYear < 1990 || input.startYear > 2200) {
    throw badUserInput('startYear', `Anno di inizio non valido: ${input.startYear}.`);
  }
  return em.transactional(async (tx) => {
    const source = await tx.findOne(PlanEdition, { ente: actor.enteId, code: input.from });
    if (!source) throw notFound('Edizione del DUP', input.from);
    const endYear = input.startYear + (source.endYear - source.startYear);
    const code = `${input.startYear}-${endYear}`;
    if (await tx.count(PlanEdition, { ente: actor.enteId, code })) {
      throw new DomainError('EDITION_EXISTS', `L'edizione ${code} del DUP esiste già.`, { field: 'startYear', editionCode: code });
    }
    if (input.startYear <= source.startYear) {
      throw new DomainError(
        'EDITION_OVERLAP',
        `La nuova edizione deve iniziare dopo il ${source.startYear}, primo anno dell'edizione ${source.code} da cui deriva.`,
        { field: 'startYear' },
      );
    }
    const sameStart = await tx.findOne(PlanEdition, { ente: actor.enteId, startYear: input.startYear });
    if (sameStart) {
      throw new DomainError('EDITION_OVERLAP', `Il triennio ${code} si sovrappone all'edizione ${sameStart.code}, che inizia nello stesso anno.`, {
        field: 'startYear',
        editionCode: sameStart.code,
      });
    }
    const title = text('title', input.title ?? `Documento Unico di Programmazione ${code}`, MAX_LABEL);
    const edition = tx.create(PlanEdition, { ente: actor.enteId, mandate: source.mandate, code, title, startYear: input.startYear, endYear });
    await tx.flush();
    const connection = tx.getConnection();
    for (const statement of COPY_STATEMENTS) {
      const params = (statement.match(/\$[12]/g) ?? []).map((p) => (p === '$1' ? source.id : edition.id));
      await connection.execute(statement.replace(/\$[12]/g, 'cast(? as uuid)'), params, 'run', tx.getTransactionContext());
    }
    const [counts] = await connection.execute<{ so: string; op: string; goals: string; indicators: string }[]>(
      `select (select count(*) from strategic_objective where edition_id = ?) as so,
              (select count(*) from operational_objective where edition_id = ?) as op,
              (select count(*) from goal g join operational_objective o on o.id = g.objective_id where o.edition_id = ?) as goals,
              (select count(*) from indicator i join operational_objective o on o.id = i.objective_id where o.edition_id = ?) as indicators`,
      [edition.id, edition.id, edition.id, edition.id],
      'all',
      tx.getTransactionContext(),
    );
    const copied = {
      strategicObjectives: Number(counts.so),
      operationalObjectives: Number(counts.op),
      goals: Number(counts.goals),
      indicators: Number(counts.indicators),
    };
    await recordAudit(tx, actor, {
      operation: 'CREATE_EDITION',
      entityType: 'PlanEdition',
      entityId: edition.id,
      after: { code, title, startYear: input.startYear, endYear, from: source.code, copied },
      requestId,
    });
    return { edition, copied };
  });
}
