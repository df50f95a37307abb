import type { EntityManager } from '@mikro-orm/postgresql';
import { Act, ActBody, ActKind, Amendment, PlanEdition, type Viewer } from '@dup/domain';
import { recordAudit } from '@dup/audit';
import { badUserInput, DomainError, notFound } from '@dup/graphql-kit';
import { PlanMappers, type PlanTypes } from '@dup/plan-read';
import { MAX_LABEL, MAX_TEXT, text } from '../validation';
import { italianDate, type WriteContext } from '../write-context';

export interface CreateAmendmentInput {
  edition: string;
  actBody: ActBody;
  actKind?: ActKind | null;
  actNumber: string;
  actDate: string;
  effectiveDate: string;
  description: string;
}

/** "deliberazione del Consiglio Comunale n. 163 del 30/09/2020": how audit snapshots name the act. */
export function amendmentSnapshot(a: Amendment) {
  const act = a.act.getEntity();
  return { amendmentId: a.id, effectiveDate: a.effectiveDate, act: { body: act.body, kind: act.kind, number: act.number, date: act.date } };
}

async function findEdition(tx: EntityManager, viewer: Viewer, code: string): Promise<PlanEdition> {
  const edition = await tx.findOne(PlanEdition, { ente: viewer.enteId, code });
  if (!edition) throw notFound('Edizione del DUP', code);
  return edition;
}

/**
 * Registers an amendment of an edition: the act that adopts it and the date from which it
 * takes effect. Every structure edit names one, so the plan "as of" a date can be rebuilt.
 */
export async function createAmendment(ctx: WriteContext, input: CreateAmendmentInput): Promise<PlanTypes.AmendmentType> {
  const { viewer } = ctx;
  const number = text('actNumber', input.actNumber, MAX_LABEL);
  const description = text('description', input.description, MAX_TEXT);
  if (input.effectiveDate < input.actDate) {
    throw badUserInput(
      'effectiveDate',
      `La variazione non può avere effetto (${italianDate(input.effectiveDate)}) prima dell'atto che la approva (${italianDate(input.actDate)}).`,
    );
  }
  return ctx.em.transactional(async (tx) => {
    const edition = await findEdition(tx, viewer, input.edition);
    const year = Number(input.effectiveDate.slice(0, 4));
    if (year < edition.startYear || year > edition.endYear) {
      throw badUserInput('effectiveDate', `La data di efficacia deve cadere negli anni dell'edizione (${edition.startYear}-${edition.endYear}).`);
    }
    const kind = input.actKind ?? ActKind.DELIBERAZIONE;
    let act = await tx.findOne(Act, { ente: viewer.enteId, body: input.actBody, kind, number, date: input.actDate });
    if (act && (await tx.count(Amendment, { edition, act }))) {
      throw new DomainError(
        'CONFLICT',
        `L'atto n. ${number} del ${italianDate(input.actDate)} è già registrato come variazione dell'edizione ${edition.code}.`,
        { field: 'actNumber' },
      );
    }
    if (!act) {
      act = tx.create(Act, {
        ente: viewer.enteId,
        body: input.actBody,
        kind,
        number,
        date: input.actDate,
        subject: `Variazione del DUP ${edition.code}: ${description}`,
      });
      await tx.flush();
      await recordAudit(tx, viewer, {
        operation: 'CREATE_ACT',
        entityType: 'Act',
        entityId: act.id,
        after: { body: act.body, kind, number, date: act.date, subject: act.subject },
        requestId: ctx.requestId,
      });
    }
    const amendment = tx.create(Amendment, { ente: viewer.enteId, edition, act, effectiveDate: input.effectiveDate, description });
    await tx.flush();
    await recordAudit(tx, viewer, {
      operation: 'CREATE_AMENDMENT',
      entityType: 'Amendment',
      entityId: amendment.id,
      after: { ...amendmentSnapshot(amendment), description },
      requestId: ctx.requestId,
    });
    return PlanMappers.toAmendment(amendment);
  });
}
