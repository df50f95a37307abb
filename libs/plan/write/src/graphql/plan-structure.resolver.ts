import { Args, Context, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { PlanEdition, Role } from '@dup/domain';
import { requireRole, type AuthContext } from '@dup/auth';
import type { RequestContextBase } from '@dup/graphql-kit';
import { createPlanLoaders, PlanMappers, PlanTypes } from '@dup/plan-read';
import { createAmendment } from '../services/plan-structure/amendments.service';
import { createEditionFrom } from '../services/plan-structure/edition-copy.service';
import { addGoal, updateGoal } from '../services/plan-structure/goals.service';
import { addIndicator } from '../services/plan-structure/indicators.service';
import {
  addOperationalObjective,
  addStrategicObjective,
  retireObjective,
  type StructureChange,
  updateOperationalObjective,
  updateStrategicObjective,
} from '../services/plan-structure/objectives.service';
import type { WriteContext } from '../services/write-context';
import {
  CreateAmendmentInputType,
  CreatedPlanEditionType,
  GoalInputType,
  IndicatorInputType,
  OperationalObjectiveInputType,
  PlanStructureChangeType,
  StrategicObjectiveInputType,
} from './plan-structure.types';

type Ctx = RequestContextBase & AuthContext;

/** The plan's structure is the planning office's (and the administrator's): nobody else edits it. */
const PLAN_EDITORS = [Role.PLANNING_OFFICE, Role.ADMIN] as const;

function editor(ctx: Ctx): WriteContext {
  return { em: ctx.em, viewer: requireRole(ctx, PLAN_EDITORS, { write: true }), requestId: ctx.requestId };
}

/**
 * What a structure write answers, read back from the edition's tree after the commit (the
 * write bumped the plan's structure version, so the tree is rebuilt and cached for the next
 * reader): the objects look exactly as every query will show them.
 */
async function readBack(ctx: Ctx, change: StructureChange): Promise<PlanStructureChangeType> {
  const em = ctx.em.fork({ clear: true });
  const edition = await em.findOneOrFail(PlanEdition, { id: change.editionId });
  const tree = await createPlanLoaders(em).editionTree({ id: change.editionId, mandateId: change.mandateId });
  const operational = tree.strategicObjectives.flatMap((s) => s.operationalObjectives);
  return {
    edition: PlanMappers.toEdition(edition),
    strategicObjective: tree.strategicObjectives.find((s) => s.id === change.strategicId) ?? null,
    operationalObjective: operational.find((o) => o.id === change.operationalId) ?? null,
    goal: operational.flatMap((o) => o.goals).find((g) => g.id === change.goalId) ?? null,
  };
}

const amendmentArg = { type: () => ID, description: 'Variazione (atto con data di efficacia) a cui la modifica è legata.' };

@Resolver()
export class PlanStructureResolver {
  @Mutation(() => PlanTypes.AmendmentType, {
    description: "Registra una variazione di un'edizione: l'atto e la data da cui ha effetto (ufficio programmazione).",
  })
  createAmendment(@Context() ctx: Ctx, @Args('input', { description: 'Variazione.' }) input: CreateAmendmentInputType) {
    return createAmendment(editor(ctx), input);
  }

  @Mutation(() => PlanStructureChangeType, { description: 'Aggiunge un obiettivo strategico, in vigore dalla data della variazione (ufficio programmazione).' })
  async addStrategicObjective(
    @Context() ctx: Ctx,
    @Args('amendmentId', amendmentArg) amendmentId: string,
    @Args('input', { description: 'Obiettivo.' }) input: StrategicObjectiveInputType,
  ) {
    return readBack(ctx, await addStrategicObjective(editor(ctx), amendmentId, input));
  }

  @Mutation(() => PlanStructureChangeType, { description: 'Modifica un obiettivo strategico: titolo, descrizione, missioni, codice (ufficio programmazione).' })
  async updateStrategicObjective(
    @Context() ctx: Ctx,
    @Args('amendmentId', amendmentArg) amendmentId: string,
    @Args('code', { description: 'Codice attuale, es. "1.06".' }) code: string,
    @Args('input', { description: 'Campi da modificare.' }) input: StrategicObjectiveInputType,
  ) {
    return readBack(ctx, await updateStrategicObjective(editor(ctx), amendmentId, code, input));
  }

  @Mutation(() => PlanStructureChangeType, { description: 'Aggiunge un obiettivo operativo, in vigore dalla data della variazione (ufficio programmazione).' })
  async addOperationalObjective(
    @Context() ctx: Ctx,
    @Args('amendmentId', amendmentArg) amendmentId: string,
    @Args('input', { description: 'Obiettivo.' }) input: OperationalObjectiveInputType,
  ) {
    return readBack(ctx, await addOperationalObjective(editor(ctx), amendmentId, input));
  }

  @Mutation(() => PlanStructureChangeType, {
    description: 'Modifica un obiettivo operativo: titolo, responsabili politici, programmi, codice (ufficio programmazione).',
  })
  async updateOperationalObjective(
    @Context() ctx: Ctx,
    @Args('amendmentId', amendmentArg) amendmentId: string,
    @Args('code', { description: 'Codice attuale, es. "1.06.01".' }) code: string,
    @Args('input', { description: 'Campi da modificare.' }) input: OperationalObjectiveInputType,
  ) {
    return readBack(ctx, await updateOperationalObjective(editor(ctx), amendmentId, code, input));
  }

  @Mutation(() => PlanStructureChangeType, {
    description:
      'Sopprime un obiettivo (strategico o operativo) dalla data della variazione: resta nella storia e nei rapporti precedenti (ufficio programmazione).',
  })
  async retireObjective(
    @Context() ctx: Ctx,
    @Args('amendmentId', amendmentArg) amendmentId: string,
    @Args('code', { description: 'Codice, es. "1.06" o "1.06.01".' }) code: string,
  ) {
    return readBack(ctx, await retireObjective(editor(ctx), amendmentId, code));
  }

  @Mutation(() => PlanStructureChangeType, {
    description: 'Aggiunge una finalità in fondo a un obiettivo operativo, con i settori coinvolti (ufficio programmazione).',
  })
  async addGoal(
    @Context() ctx: Ctx,
    @Args('amendmentId', amendmentArg) amendmentId: string,
    @Args('objectiveCode', { description: "Codice dell'obiettivo operativo." }) objectiveCode: string,
    @Args('input', { description: 'Finalità.' }) input: GoalInputType,
  ) {
    return readBack(ctx, await addGoal(editor(ctx), amendmentId, objectiveCode, input));
  }

  @Mutation(() => PlanStructureChangeType, {
    description: 'Modifica una finalità: titolo, descrizione, settori coinvolti (capofila, anni) (ufficio programmazione).',
  })
  async updateGoal(
    @Context() ctx: Ctx,
    @Args('amendmentId', amendmentArg) amendmentId: string,
    @Args('goalId', { type: () => ID, description: 'Identificativo della finalità.' }) goalId: string,
    @Args('input', { description: 'Campi da modificare.' }) input: GoalInputType,
  ) {
    return readBack(ctx, await updateGoal(editor(ctx), amendmentId, goalId, input));
  }

  @Mutation(() => PlanStructureChangeType, { description: 'Aggiunge un indicatore, con i valori attesi, a un obiettivo operativo (ufficio programmazione).' })
  async addIndicator(
    @Context() ctx: Ctx,
    @Args('amendmentId', amendmentArg) amendmentId: string,
    @Args('objectiveCode', { description: "Codice dell'obiettivo operativo." }) objectiveCode: string,
    @Args('input', { description: 'Indicatore.' }) input: IndicatorInputType,
  ) {
    return readBack(ctx, await addIndicator(editor(ctx), amendmentId, objectiveCode, input));
  }

  @Mutation(() => CreatedPlanEditionType, {
    description:
      "Crea la nuova edizione del DUP dalla precedente (es. 2021-2023 da 2020-2022): ne riporta la struttura, senza stati né risultati, collegando ogni obiettivo e finalità al predecessore. L'edizione precedente non cambia (ufficio programmazione).",
  })
  async createPlanEdition(
    @Context() ctx: Ctx,
    @Args('from', { description: 'Codice dell\'edizione da riportare, es. "2020-2022".' }) from: string,
    @Args('startYear', { type: () => Int, description: 'Primo anno della nuova edizione, es. 2021.' }) startYear: number,
    @Args('title', { nullable: true, description: 'Titolo (predefinito: "Documento Unico di Programmazione AAAA-AAAA").' }) title?: string,
  ) {
    const { em, viewer, requestId } = editor(ctx);
    const { edition, copied } = await createEditionFrom(em, viewer, { from, startYear, title }, requestId);
    return { edition: PlanMappers.toEdition(edition), ...copied };
  }
}
