import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject, Logger, Optional } from '@nestjs/common';
import { ActKind, PERIOD_APPROVAL_LISTENER, PeriodState, Role, type PeriodApprovalListener } from '@dup/domain';
import { DRAFT_READERS, requireRole, type AuthContext } from '@dup/auth';
import { LocalDateScalar, type RequestContextBase } from '@dup/graphql-kit';
import { PlanTypes } from '@dup/plan-read';
import { addGoalContribution, goalContributions } from '../services/contribution.service';
import { goalStatusHistory, indicatorResultHistory } from '../services/history.service';
import { setIndicatorTargets } from '../services/indicator-targets.service';
import { recordIndicatorResult } from '../services/indicator-result.service';
import { setGoalStatus } from '../services/goal-status.service';
import { saveGoalReport } from '../services/goal-report.service';
import { openReportingPeriod, reopenReportingPeriod, setReportingPeriodState } from '../services/periods.service';
import { departmentReviews, ReviewDecision, reviewDepartment, submitDepartmentForReview } from '../services/review.service';
import type { WriteContext } from '../services/write-context';
import {
  DepartmentReviewType,
  GoalContributionType,
  GoalStatusVersionType,
  IndicatorResultVersionType,
  IndicatorTargetInputType,
  GoalReportType,
  RecordIndicatorResultInput,
  SaveGoalReportInput,
  SetGoalStatusInput,
} from './write.types';

type Ctx = RequestContextBase & AuthContext;

const OFFICE = [Role.PLANNING_OFFICE] as const;
/** Data entry: the planning office for everything, department heads for their goals (checked in the services). */
const DATA_ENTRY = [Role.PLANNING_OFFICE, Role.DEPARTMENT_HEAD] as const;
/** History: who reviews (office, auditors) and the department heads concerned (checked in the services). */
const HISTORY_READERS = [Role.AUDITOR, Role.PLANNING_OFFICE, Role.DEPARTMENT_HEAD] as const;

/** The role check first (read-only tokens refused for every write), then the service's own checks. */
function writer(ctx: Ctx, roles: readonly Role[]): WriteContext {
  return { em: ctx.em, viewer: requireRole(ctx, roles, { write: true }), requestId: ctx.requestId };
}

const periodArg = { type: () => LocalDateScalar, description: 'Scadenza del periodo, es. "2020-12-31".' };
const editionArg = { nullable: true, description: "Codice dell'edizione, se più edizioni hanno un periodo alla stessa scadenza." };

@Resolver()
export class PlanWriteResolver {
  constructor(@Optional() @Inject(PERIOD_APPROVAL_LISTENER) private readonly approvalListener?: PeriodApprovalListener) {}

  @Mutation(() => PlanTypes.ReportingPeriodType, { description: "Apre un periodo di rendicontazione (30/06 o 31/12) di un'edizione (ufficio programmazione)." })
  openReportingPeriod(
    @Context() ctx: Ctx,
    @Args('edition', { description: 'Codice dell\'edizione, es. "2020-2022".' }) edition: string,
    @Args('cutoffDate', { type: () => LocalDateScalar, description: "Scadenza: 30/06 o 31/12 di un anno dell'edizione." }) cutoffDate: string,
  ) {
    return openReportingPeriod(writer(ctx, OFFICE), edition, cutoffDate);
  }

  @Mutation(() => PlanTypes.ReportingPeriodType, {
    description:
      "Cambia lo stato di un periodo (ufficio programmazione): aperto → raccolta chiusa → in revisione → preso d'atto dalla Giunta (con l'atto) → approvato dal Consiglio (con la deliberazione). Per tornare indietro: reopenReportingPeriod.",
  })
  async setReportingPeriodState(
    @Context() ctx: Ctx,
    @Args('edition', { description: 'Codice dell\'edizione, es. "2020-2022".' }) edition: string,
    @Args('cutoffDate', { type: () => LocalDateScalar, description: 'Scadenza del periodo.' }) cutoffDate: string,
    @Args('state', { type: () => PeriodState, description: 'Nuovo stato.' }) state: PeriodState,
    @Args('actNumber', { nullable: true, description: "Numero dell'atto (obbligatorio per la presa d'atto della Giunta e l'approvazione del Consiglio)." })
    actNumber?: string,
    @Args('actDate', { type: () => LocalDateScalar, nullable: true, description: "Data dell'atto." }) actDate?: string,
    @Args('actKind', { type: () => ActKind, nullable: true, description: 'Tipo di atto (predefinito: deliberazione).' }) actKind?: ActKind,
  ) {
    const period = await setReportingPeriodState(writer(ctx, OFFICE), edition, cutoffDate, state, { actNumber, actDate, actKind });
    if (state === PeriodState.APPROVED_BY_COUNCIL && this.approvalListener) {
      // The approved report is rendered and frozen now, after the approval committed. Should this
      // fail, the first download freezes it instead (same bytes: the data is locked).
      await this.approvalListener.periodApproved(ctx.em, ctx.viewer!.enteId, edition, cutoffDate).catch((error: unknown) => {
        new Logger('Periods').error(`Freezing the approved report of ${edition} ${cutoffDate} failed: ${String(error)}`);
      });
    }
    return period;
  }

  @Mutation(() => PlanTypes.ReportingPeriodType, {
    description:
      "Riapre un periodo con la raccolta chiusa, in revisione, preso d'atto o approvato (amministratore), con il motivo: il periodo torna aperto come nuova revisione; i documenti approvati della revisione precedente restano scaricabili.",
  })
  reopenReportingPeriod(
    @Context() ctx: Ctx,
    @Args('edition', { description: 'Codice dell\'edizione, es. "2020-2022".' }) edition: string,
    @Args('cutoffDate', { type: () => LocalDateScalar, description: 'Scadenza del periodo.' }) cutoffDate: string,
    @Args('reason', { description: 'Motivo della riapertura (registrato con la revisione chiusa e nel registro).' }) reason: string,
  ) {
    return reopenReportingPeriod(writer(ctx, [Role.ADMIN]), edition, cutoffDate, reason);
  }

  @Mutation(() => PlanTypes.GoalStatusType, {
    description:
      'Scrive lo stato di attuazione di una finalità (ufficio programmazione, o dirigente del settore capofila) a partire dalla versione letta; una versione non più attuale riceve CONFLICT.',
  })
  setGoalStatus(@Context() ctx: Ctx, @Args('input', { description: 'Stato di attuazione.' }) input: SetGoalStatusInput) {
    return setGoalStatus(writer(ctx, DATA_ENTRY), input);
  }

  @Mutation(() => GoalReportType, {
    description:
      'Salva insieme lo stato di attuazione di una finalità e i risultati dei suoi indicatori (stesse regole di setGoalStatus e recordIndicatorResult): tutto o niente. Un errore indica la parte che lo ha causato (extensions.part, extensions.indicatorId).',
  })
  saveGoalReport(@Context() ctx: Ctx, @Args('input', { description: 'Stato e risultati.' }) input: SaveGoalReportInput) {
    return saveGoalReport(writer(ctx, DATA_ENTRY), input);
  }

  @Mutation(() => GoalContributionType, {
    description: 'Aggiunge o aggiorna il contributo firmato di un settore coinvolto ma non capofila (dirigente di quel settore, o ufficio programmazione).',
  })
  addGoalContribution(
    @Context() ctx: Ctx,
    @Args('goalId', { type: () => ID, description: 'Identificativo della finalità.' }) goalId: string,
    @Args('period', periodArg) period: string,
    @Args('departmentCode', { description: 'Codice del settore che firma il contributo.' }) departmentCode: string,
    @Args('text', { description: 'Testo del contributo (Markdown).' }) text: string,
    @Args('expectedVersion', { type: () => Int, nullable: true, description: 'Versione letta; assente per un nuovo contributo.' }) expectedVersion?: number,
  ) {
    return addGoalContribution(writer(ctx, DATA_ENTRY), { goalId, period, departmentCode, text, expectedVersion });
  }

  @Mutation(() => PlanTypes.IndicatorResultType, {
    description:
      "Registra il risultato di un indicatore (ufficio programmazione, o dirigente di un settore capofila di una finalità dell'obiettivo) a partire dalla versione letta.",
  })
  recordIndicatorResult(@Context() ctx: Ctx, @Args('input', { description: 'Risultato.' }) input: RecordIndicatorResultInput) {
    return recordIndicatorResult(writer(ctx, DATA_ENTRY), input);
  }

  @Mutation(() => [PlanTypes.IndicatorTargetType], { description: 'Sostituisce i valori attesi di un indicatore, uno per anno (ufficio programmazione).' })
  setIndicatorTargets(
    @Context() ctx: Ctx,
    @Args('indicatorId', { type: () => ID, description: "Identificativo dell'indicatore." }) indicatorId: string,
    @Args('targets', { type: () => [IndicatorTargetInputType], description: "L'insieme completo dei valori attesi." }) targets: IndicatorTargetInputType[],
  ) {
    return setIndicatorTargets(writer(ctx, OFFICE), indicatorId, targets);
  }

  @Mutation(() => DepartmentReviewType, {
    description:
      'Invia in revisione le finalità di un settore per un periodo (dirigente del settore, o ufficio programmazione). Se manca qualcosa serve il motivo (incompleteReason), registrato con il conteggio di ciò che manca.',
  })
  submitDepartmentForReview(
    @Context() ctx: Ctx,
    @Args('period', periodArg) period: string,
    @Args('departmentCode', { description: 'Codice del settore.' }) departmentCode: string,
    @Args('edition', editionArg) edition?: string,
    @Args('incompleteReason', {
      nullable: true,
      description:
        "Motivo dell'invio con dati mancanti (finalità capofila senza stato, indicatori senza risultato): obbligatorio in quel caso, altrimenti l'invio è rifiutato con INCOMPLETE_SUBMISSION e il conteggio di ciò che manca.",
    })
    incompleteReason?: string,
  ) {
    return submitDepartmentForReview(writer(ctx, DATA_ENTRY), period, departmentCode, edition, incompleteReason);
  }

  @Mutation(() => DepartmentReviewType, {
    description: 'Accetta le finalità inviate da un settore, o le restituisce con un commento (ufficio programmazione).',
  })
  reviewDepartment(
    @Context() ctx: Ctx,
    @Args('period', periodArg) period: string,
    @Args('departmentCode', { description: 'Codice del settore.' }) departmentCode: string,
    @Args('decision', { type: () => ReviewDecision, description: 'Accettazione o restituzione.' }) decision: ReviewDecision,
    @Args('comment', { nullable: true, description: 'Commento; obbligatorio per una restituzione.' }) comment?: string,
    @Args('edition', editionArg) edition?: string,
  ) {
    return reviewDepartment(writer(ctx, OFFICE), period, departmentCode, decision, comment, edition);
  }

  @Query(() => [GoalStatusVersionType], {
    description:
      'Tutte le versioni dello stato di attuazione di una finalità in un periodo (revisori, ufficio programmazione, dirigenti dei settori coinvolti).',
  })
  goalStatusHistory(
    @Context() ctx: Ctx,
    @Args('goalId', { type: () => ID, description: 'Identificativo della finalità.' }) goalId: string,
    @Args('period', periodArg) period: string,
  ) {
    return goalStatusHistory(ctx.em, requireRole(ctx, HISTORY_READERS), goalId, period);
  }

  @Query(() => [IndicatorResultVersionType], {
    description: 'Tutte le versioni del risultato di un indicatore in un periodo (revisori, ufficio programmazione, dirigenti dei settori coinvolti).',
  })
  indicatorResultHistory(
    @Context() ctx: Ctx,
    @Args('indicatorId', { type: () => ID, description: "Identificativo dell'indicatore." }) indicatorId: string,
    @Args('period', periodArg) period: string,
  ) {
    return indicatorResultHistory(ctx.em, requireRole(ctx, HISTORY_READERS), indicatorId, period);
  }

  @Query(() => [GoalContributionType], { description: 'Contributi dei settori coinvolti in una finalità per un periodo.' })
  goalContributions(
    @Context() ctx: Ctx,
    @Args('goalId', { type: () => ID, description: 'Identificativo della finalità.' }) goalId: string,
    @Args('period', periodArg) period: string,
  ) {
    return goalContributions(ctx.em, requireRole(ctx, DRAFT_READERS), goalId, period);
  }

  @Query(() => [DepartmentReviewType], { description: 'Stato della revisione dei settori per un periodo.' })
  departmentReviews(@Context() ctx: Ctx, @Args('period', periodArg) period: string, @Args('edition', editionArg) edition?: string) {
    return departmentReviews(ctx.em, requireRole(ctx, DRAFT_READERS), period, edition);
  }
}
