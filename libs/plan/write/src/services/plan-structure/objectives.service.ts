import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Amendment,
  assertOperationalUnderStrategic,
  assertStrategicUnderLine,
  MandateLine,
  ObjectiveOwner,
  ObjectiveProgramme,
  OperationalObjective,
  StrategicObjective,
  StrategicObjectiveMission,
} from '@dup/domain';
import { recordAudit } from '@dup/audit';
import { DomainError, notFound } from '@dup/graphql-kit';
import { MAX_LABEL, MAX_NARRATIVE, MAX_TEXT, text } from '../validation';
import { italianDate, type WriteContext } from '../write-context';
import { amendmentSnapshot } from './amendments.service';
import {
  asApiError,
  assertCodeFormat,
  assertCodeFree,
  assertDistinct,
  assertNotRetired,
  findMissions,
  findOperational,
  findOwners,
  findProgrammes,
  findStrategic,
  loadAmendment,
  OPERATIONAL_CODE,
} from './structure-checks';

export interface StrategicObjectiveInput {
  lineNumber?: number | null;
  code?: string | null;
  title?: string | null;
  description?: string | null;
  partecipate?: string | null;
  missionCodes?: string[] | null;
}

export interface OperationalObjectiveInput {
  strategicCode?: string | null;
  code?: string | null;
  title?: string | null;
  ownerLabel?: string | null;
  ownerIds?: string[] | null;
  programmeCodes?: string[] | null;
  goalsHeading?: string | null;
}

/** What a structure write answers: the objective touched, to be read back from the refreshed tree. */
export interface StructureChange {
  editionId: string;
  mandateId: string;
  strategicId?: string;
  operationalId?: string;
  goalId?: string;
}

const strategicSnapshot = (s: StrategicObjective, missions: string[]) => ({
  code: s.code,
  title: s.title,
  description: s.description,
  partecipate: s.partecipate ?? null,
  missions,
});
const operationalSnapshot = (o: OperationalObjective, owners: string[], programmes: string[]) => ({
  code: o.code,
  title: o.title,
  ownerLabel: o.ownerLabel,
  goalsHeading: o.goalsHeading ?? null,
  owners,
  programmes,
});

const changeOf = (a: Amendment, ids: Omit<StructureChange, 'editionId' | 'mandateId'>): StructureChange => ({
  editionId: a.edition.id,
  mandateId: a.edition.getEntity().mandate.id,
  ...ids,
});

async function replaceMissions(tx: EntityManager, s: StrategicObjective, codes: string[], enteId: string): Promise<void> {
  assertDistinct(codes, 'missionCodes', 'Missione');
  const missions = await findMissions(tx, codes);
  await tx.nativeDelete(StrategicObjectiveMission, { objective: s });
  missions.forEach((mission, i) => tx.create(StrategicObjectiveMission, { ente: enteId, objective: s, mission, position: i + 1 }));
}

async function replaceOwnersAndProgrammes(tx: EntityManager, ctx: WriteContext, o: OperationalObjective, input: OperationalObjectiveInput): Promise<void> {
  const enteId = ctx.viewer.enteId;
  if (input.ownerIds) {
    assertDistinct(input.ownerIds, 'ownerIds', 'Responsabile politico');
    const owners = await findOwners(tx, ctx.viewer, input.ownerIds);
    await tx.nativeDelete(ObjectiveOwner, { objective: o });
    owners.forEach((owner, i) => tx.create(ObjectiveOwner, { ente: enteId, objective: o, owner, position: i + 1 }));
  }
  if (input.programmeCodes) {
    assertDistinct(input.programmeCodes, 'programmeCodes', 'Programma');
    const programmes = await findProgrammes(tx, input.programmeCodes);
    await tx.nativeDelete(ObjectiveProgramme, { objective: o });
    programmes.forEach((programme, i) => tx.create(ObjectiveProgramme, { ente: enteId, objective: o, programme, position: i + 1 }));
  }
}

async function currentLists(tx: EntityManager, o: OperationalObjective) {
  const owners = await tx.find(ObjectiveOwner, { objective: o }, { orderBy: { position: 'asc' } });
  const programmes = await tx.find(ObjectiveProgramme, { objective: o }, { orderBy: { position: 'asc' } });
  return { owners: owners.map((r) => r.owner.id), programmes: programmes.map((r) => r.programme.id) };
}

/** Adds a strategic objective under a mandate line, in force from the amendment's date. */
export async function addStrategicObjective(ctx: WriteContext, amendmentId: string, input: StrategicObjectiveInput): Promise<StructureChange> {
  const { viewer } = ctx;
  const title = text('title', input.title, MAX_LABEL * 5);
  const code = text('code', input.code, 20);
  assertCodeFormat(code, 'strategic');
  return ctx.em.transactional(async (tx) => {
    const amendment = await loadAmendment(tx, viewer, amendmentId);
    const edition = amendment.edition.getEntity();
    const line = await tx.findOne(MandateLine, { mandate: edition.mandate, number: input.lineNumber ?? Number(code.split('.')[0]) });
    if (!line) throw notFound('Linea di mandato', String(input.lineNumber ?? code.split('.')[0]));
    asApiError(() => assertStrategicUnderLine(code, line.number), 'code');
    await assertCodeFree(tx, StrategicObjective, amendment, code);
    const objective = tx.create(StrategicObjective, {
      ente: viewer.enteId,
      edition,
      line,
      code,
      title,
      description: text('description', input.description, MAX_NARRATIVE, true),
      partecipate: text('partecipate', input.partecipate, MAX_TEXT, true) || undefined,
      introducedBy: amendment,
    });
    await tx.flush();
    const missions = input.missionCodes ?? [];
    await replaceMissions(tx, objective, missions, viewer.enteId);
    await tx.flush();
    await recordAudit(tx, viewer, {
      operation: 'ADD_OBJECTIVE',
      entityType: 'StrategicObjective',
      entityId: objective.id,
      after: { ...strategicSnapshot(objective, missions), ...amendmentSnapshot(amendment) },
      requestId: ctx.requestId,
    });
    return changeOf(amendment, { strategicId: objective.id });
  });
}

/**
 * Edits a strategic objective (title, description, missions, code). A new code renumbers its
 * operational objectives with it (1.06.01 → 1.07.01), as the printed plan would.
 */
export async function updateStrategicObjective(ctx: WriteContext, amendmentId: string, code: string, input: StrategicObjectiveInput): Promise<StructureChange> {
  const { viewer } = ctx;
  return ctx.em.transactional(async (tx) => {
    const amendment = await loadAmendment(tx, viewer, amendmentId);
    const objective = await findStrategic(tx, amendment, code, 'code');
    assertNotRetired(objective, amendment, 'code');
    const missionsBefore = (await tx.find(StrategicObjectiveMission, { objective }, { orderBy: { position: 'asc' } })).map((m) => m.mission.unwrap().code);
    const before = strategicSnapshot(objective, missionsBefore);
    if (input.title != null) objective.title = text('title', input.title, MAX_LABEL * 5);
    if (input.description != null) objective.description = text('description', input.description, MAX_NARRATIVE, true);
    if (input.partecipate != null) objective.partecipate = text('partecipate', input.partecipate, MAX_TEXT, true) || undefined;
    if (input.code != null && input.code !== objective.code) {
      const newCode = text('code', input.code, 20);
      assertCodeFormat(newCode, 'strategic');
      asApiError(() => assertStrategicUnderLine(newCode, objective.line.getEntity().number), 'code');
      await assertCodeFree(tx, StrategicObjective, amendment, newCode);
      const children = await tx.find(OperationalObjective, { strategicObjective: objective });
      for (const child of children) {
        const renumbered = `${newCode}${child.code.slice(objective.code.length)}`;
        await assertCodeFree(tx, OperationalObjective, amendment, renumbered);
        child.code = renumbered;
      }
      objective.code = newCode;
    }
    if (input.missionCodes) await replaceMissions(tx, objective, input.missionCodes, viewer.enteId);
    await tx.flush();
    await recordAudit(tx, viewer, {
      operation: 'UPDATE_OBJECTIVE',
      entityType: 'StrategicObjective',
      entityId: objective.id,
      before,
      after: { ...strategicSnapshot(objective, input.missionCodes ?? missionsBefore), ...amendmentSnapshot(amendment) },
      requestId: ctx.requestId,
    });
    return changeOf(amendment, { strategicId: objective.id });
  });
}

/** Adds an operational objective under a strategic one in force at the amendment's date. */
export async function addOperationalObjective(ctx: WriteContext, amendmentId: string, input: OperationalObjectiveInput): Promise<StructureChange> {
  const { viewer } = ctx;
  const title = text('title', input.title, MAX_LABEL * 5);
  const code = text('code', input.code, 20);
  assertCodeFormat(code, 'operational');
  return ctx.em.transactional(async (tx) => {
    const amendment = await loadAmendment(tx, viewer, amendmentId);
    const parent = await findStrategic(tx, amendment, input.strategicCode ?? code.split('.').slice(0, 2).join('.'), 'strategicCode');
    assertNotRetired(parent, amendment, 'strategicCode');
    asApiError(() => assertOperationalUnderStrategic(code, parent.code), 'code');
    await assertCodeFree(tx, OperationalObjective, amendment, code);
    const objective = tx.create(OperationalObjective, {
      ente: viewer.enteId,
      edition: amendment.edition,
      strategicObjective: parent,
      code,
      title,
      ownerLabel: text('ownerLabel', input.ownerLabel, MAX_LABEL * 2, true),
      goalsHeading: text('goalsHeading', input.goalsHeading, MAX_LABEL * 2, true) || undefined,
      introducedBy: amendment,
    });
    await tx.flush();
    await replaceOwnersAndProgrammes(tx, ctx, objective, { ...input, ownerIds: input.ownerIds ?? [], programmeCodes: input.programmeCodes ?? [] });
    await tx.flush();
    await recordAudit(tx, viewer, {
      operation: 'ADD_OBJECTIVE',
      entityType: 'OperationalObjective',
      entityId: objective.id,
      after: { ...operationalSnapshot(objective, input.ownerIds ?? [], input.programmeCodes ?? []), ...amendmentSnapshot(amendment) },
      requestId: ctx.requestId,
    });
    return changeOf(amendment, { operationalId: objective.id });
  });
}

/** Edits an operational objective: title, owners (label and list), programmes, code (under the same strategic objective). */
export async function updateOperationalObjective(
  ctx: WriteContext,
  amendmentId: string,
  code: string,
  input: OperationalObjectiveInput,
): Promise<StructureChange> {
  const { viewer } = ctx;
  return ctx.em.transactional(async (tx) => {
    const amendment = await loadAmendment(tx, viewer, amendmentId);
    const objective = await findOperational(tx, amendment, code);
    assertNotRetired(objective, amendment, 'code');
    assertNotRetired(objective.strategicObjective.getEntity(), amendment, 'code');
    const lists = await currentLists(tx, objective);
    const before = operationalSnapshot(objective, lists.owners, lists.programmes);
    if (input.strategicCode != null && input.strategicCode !== objective.strategicObjective.getEntity().code) {
      throw new DomainError(
        'INVALID_CODE',
        'Un obiettivo operativo non si sposta sotto un altro obiettivo strategico: sopprimerlo e aggiungerne uno nuovo con la stessa variazione.',
        { field: 'strategicCode' },
      );
    }
    if (input.title != null) objective.title = text('title', input.title, MAX_LABEL * 5);
    if (input.ownerLabel != null) objective.ownerLabel = text('ownerLabel', input.ownerLabel, MAX_LABEL * 2, true);
    if (input.goalsHeading != null) objective.goalsHeading = text('goalsHeading', input.goalsHeading, MAX_LABEL * 2, true) || undefined;
    if (input.code != null && input.code !== objective.code) {
      const newCode = text('code', input.code, 20);
      assertCodeFormat(newCode, 'operational');
      asApiError(() => assertOperationalUnderStrategic(newCode, objective.strategicObjective.getEntity().code), 'code');
      await assertCodeFree(tx, OperationalObjective, amendment, newCode);
      objective.code = newCode;
    }
    await replaceOwnersAndProgrammes(tx, ctx, objective, input);
    await tx.flush();
    await recordAudit(tx, viewer, {
      operation: 'UPDATE_OBJECTIVE',
      entityType: 'OperationalObjective',
      entityId: objective.id,
      before,
      after: { ...operationalSnapshot(objective, input.ownerIds ?? lists.owners, input.programmeCodes ?? lists.programmes), ...amendmentSnapshot(amendment) },
      requestId: ctx.requestId,
    });
    return changeOf(amendment, { operationalId: objective.id });
  });
}

/**
 * Retires an objective (strategic `N.NN` or operational `N.NN.NN`) from the amendment's date.
 * Nothing is deleted: statuses and results reported before stay, and the plan as of an earlier
 * date still shows it (see the domain's inForceAt). Retiring a strategic objective takes its
 * operational objectives out of the plan with it.
 */
export async function retireObjective(ctx: WriteContext, amendmentId: string, code: string): Promise<StructureChange> {
  const { viewer } = ctx;
  const trimmed = code.trim();
  return ctx.em.transactional(async (tx) => {
    const amendment = await loadAmendment(tx, viewer, amendmentId);
    const objective = OPERATIONAL_CODE.test(trimmed) ? await findOperational(tx, amendment, trimmed) : await findStrategic(tx, amendment, trimmed, 'code');
    const retiredBy = objective.retiredBy?.getEntity();
    if (retiredBy) {
      throw new DomainError(
        'OBJECTIVE_RETIRED',
        `L'obiettivo ${objective.code} è già stato soppresso con effetto dal ${italianDate(retiredBy.effectiveDate)}.`,
        { field: 'code', objectiveCode: objective.code },
      );
    }
    const introducedBy = objective.introducedBy?.getEntity();
    if (introducedBy && introducedBy.effectiveDate > amendment.effectiveDate) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `L'obiettivo ${objective.code} entra in vigore il ${italianDate(introducedBy.effectiveDate)}: non può essere soppresso con effetto da una data precedente.`,
        { field: 'amendmentId' },
      );
    }
    objective.retiredBy = tx.getReference(Amendment, amendment.id, { wrapped: true });
    await tx.flush();
    const operational = objective instanceof OperationalObjective;
    await recordAudit(tx, viewer, {
      operation: 'RETIRE_OBJECTIVE',
      entityType: operational ? 'OperationalObjective' : 'StrategicObjective',
      entityId: objective.id,
      before: { code: objective.code, retiredBy: null },
      after: { code: objective.code, ...amendmentSnapshot(amendment) },
      requestId: ctx.requestId,
    });
    return changeOf(amendment, operational ? { operationalId: objective.id } : { strategicId: objective.id });
  });
}
