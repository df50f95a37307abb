import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { requireViewer } from '@dup/auth';
import { checkPageSize, LocalDateScalar, pageOf, toConnection } from '@dup/graphql-kit';
import type { PlanReadContext } from '@dup/plan-read';
import { departmentGoals, departmentProgress } from '../services/department-work.service';
import { DepartmentGoalConnectionType, DepartmentGoalsFilterInput, DepartmentProgressType } from './department-work.types';

const editionArg = { description: 'Codice dell\'edizione, es. "2020-2022".' };
const periodArg = { type: () => LocalDateScalar, description: 'Scadenza del periodo, es. "2020-12-31".' };

/**
 * The departments' work for a period: what each department leads or contributes to, and what is
 * still missing. Council members are refused: they read the plan and the documents instead.
 */
@Resolver()
export class DepartmentWorkResolver {
  @Query(() => DepartmentGoalConnectionType, {
    description:
      "Finalità dei settori per un periodo (Relay connection), in ordine di piano: per ciascuna il settore, la relazione (capofila o coinvolto), lo stato del periodo e del periodo precedente, il contributo. Solo gli obiettivi in vigore alla scadenza. Un dirigente vede i propri settori; ufficio programmazione, revisori e amministratori tutti.",
    complexity: pageOf(200),
  })
  departmentGoals(
    @Context() ctx: PlanReadContext,
    @Args('edition', editionArg) edition: string,
    @Args('period', periodArg) period: string,
    @Args('filter', { type: () => DepartmentGoalsFilterInput, nullable: true, description: 'Criteri di filtro.' }) filter?: DepartmentGoalsFilterInput,
    @Args('first', { type: () => Int, nullable: true, description: 'Dimensione della pagina (predefinita 50).' }) first?: number,
    @Args('after', { nullable: true, description: 'Cursore dopo il quale iniziare (endCursor della pagina precedente).' }) after?: string,
  ) {
    const viewer = requireViewer(ctx);
    const size = checkPageSize(first, 50, ctx.maxPageSize);
    return departmentGoals(ctx, viewer, { edition, period, filter: filter ?? {}, first: size, after }).then(toConnection);
  }

  @Query(() => [DepartmentProgressType], {
    description:
      "Avanzamento della rendicontazione per settore in un periodo: finalità con e senza stato, contributi, indicatori con e senza risultato, revisione e l'elenco di ciò che manca. Un dirigente vede i propri settori; ufficio programmazione, revisori e amministratori tutti i settori con finalità in vigore.",
    complexity: ({ childComplexity }: { childComplexity: number }) => 1 + 25 * childComplexity,
  })
  departmentProgress(@Context() ctx: PlanReadContext, @Args('edition', editionArg) edition: string, @Args('period', periodArg) period: string) {
    return departmentProgress(ctx, requireViewer(ctx), edition, period);
  }
}
