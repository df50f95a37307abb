import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { requireViewer } from '@dup/auth';
import { listOf } from '@dup/graphql-kit';
import type { PlanReadContext } from '../context';
import { createEditionLinkLoaders, type EditionLinkLoaders } from '../loaders/edition-links.loader';
import * as T from '../types';

/*
 * `predecessor` and `successors` follow an objective or goal across editions (DUP 2020-2022 →
 * 2021-2023 → …). They are not part of the cached edition tree, which holds one edition only:
 * each is one batched statement per request, asked only when selected.
 */

const loadersOfRequest = new WeakMap<PlanReadContext, EditionLinkLoaders>();

function linkLoaders(ctx: PlanReadContext): EditionLinkLoaders {
  let loaders = loadersOfRequest.get(ctx);
  if (!loaders) {
    loaders = createEditionLinkLoaders(ctx.em, requireViewer(ctx).enteId);
    loadersOfRequest.set(ctx, loaders);
  }
  return loaders;
}

const predecessorField = { nullable: true, description: "Lo stesso elemento nell'edizione precedente, da cui è stato riportato." } as const;
const successorsField = { description: 'Lo stesso elemento nelle edizioni successive che lo hanno riportato.', complexity: listOf(2) } as const;

@Resolver(() => T.StrategicObjectiveType)
export class StrategicObjectiveLinksResolver {
  @ResolveField(() => T.EditionLinkType, predecessorField)
  predecessor(@Parent() o: T.StrategicObjectiveType, @Context() ctx: PlanReadContext) {
    return o.predecessorId ? linkLoaders(ctx).strategic.byId.load(o.predecessorId) : null;
  }

  @ResolveField(() => [T.EditionLinkType], successorsField)
  successors(@Parent() o: T.StrategicObjectiveType, @Context() ctx: PlanReadContext) {
    return linkLoaders(ctx).strategic.successors.load(o.id);
  }
}

@Resolver(() => T.OperationalObjectiveType)
export class OperationalObjectiveLinksResolver {
  @ResolveField(() => T.EditionLinkType, predecessorField)
  predecessor(@Parent() o: T.OperationalObjectiveType, @Context() ctx: PlanReadContext) {
    return o.predecessorId ? linkLoaders(ctx).operational.byId.load(o.predecessorId) : null;
  }

  @ResolveField(() => [T.EditionLinkType], successorsField)
  successors(@Parent() o: T.OperationalObjectiveType, @Context() ctx: PlanReadContext) {
    return linkLoaders(ctx).operational.successors.load(o.id);
  }
}

@Resolver(() => T.GoalType)
export class GoalLinksResolver {
  @ResolveField(() => T.EditionLinkType, predecessorField)
  predecessor(@Parent() g: T.GoalType, @Context() ctx: PlanReadContext) {
    return g.predecessorId ? linkLoaders(ctx).goal.byId.load(g.predecessorId) : null;
  }

  @ResolveField(() => [T.EditionLinkType], successorsField)
  successors(@Parent() g: T.GoalType, @Context() ctx: PlanReadContext) {
    return linkLoaders(ctx).goal.successors.load(g.id);
  }
}
