import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import * as E from '@dup/domain';
import { checkId, notFound } from '@dup/graphql-kit';
import type { PlanReadContext } from '../context';
import { readScope } from '../read-access';
import { editionIndex } from '../read-model/edition-index';
import * as T from '../types';

/**
 * One goal by id, for a page that opens it directly (a link, a bookmark). The goal is looked up
 * in the cached read model of its edition: one statement finds the edition, the rest is the same
 * shared tree the plan browser reads, so its parents, indicators and statuses cost nothing more.
 */
@Resolver()
export class GoalQueryResolver {
  @Query(() => T.GoalType, {
    nullable: true,
    description:
      'Una finalità del piano, con il suo obiettivo operativo (operationalObjective), gli indicatori e gli stati di attuazione. Un identificativo sconosciuto o di un altro ente riceve NOT_FOUND, uno malformato BAD_USER_INPUT.',
  })
  async goal(@Context() ctx: PlanReadContext, @Args('id', { type: () => ID, description: 'Identificativo della finalità.' }) id: string): Promise<T.GoalType> {
    // Establishes which periods' statuses the viewer may read before any status is resolved.
    const { viewer } = await readScope(ctx);
    checkId(id, 'Finalità');
    const row = await ctx.em.findOne(E.Goal, { id, ente: viewer.enteId }, { populate: ['objective.edition'], strategy: 'joined' });
    if (!row) throw notFound('Finalità', id);
    const edition = row.objective.getEntity().edition.getEntity();
    const tree = await ctx.loaders.editionTree({ id: edition.id, mandateId: edition.mandate.id });
    const place = editionIndex(tree).goalsById.get(id);
    // The tree was read after the goal: a goal deleted in between is simply not found.
    if (!place) throw notFound('Finalità', id);
    return place.goal;
  }
}
