import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { listOf } from '@dup/graphql-kit';
import { placeOfGoal, placeOfObjective } from '../read-model/edition-index';
import * as T from '../types';

/*
 * A goal or objective reached from anywhere (a department's goals, a search) shows its context:
 * the parents and the goal's indicators come from the cached read model's index, without a
 * statement per object.
 */

function placeOf<P>(found: P | undefined, what: string): P {
  // Every tree handed out by the per-request loaders is indexed: a miss is a programming error.
  if (!found) throw new Error(`${what} is not part of an indexed edition tree`);
  return found;
}

@Resolver(() => T.GoalType)
export class GoalContextResolver {
  @ResolveField(() => T.OperationalObjectiveType, { description: 'Obiettivo operativo a cui appartiene la finalità.' })
  operationalObjective(@Parent() goal: T.GoalType): T.OperationalObjectiveType {
    return placeOf(placeOfGoal(goal), 'Goal').objective;
  }

  @ResolveField(() => [T.IndicatorType], {
    description:
      "Indicatori collegati alla finalità (stampati dopo di essa nel documento). Vuoto quando l'obiettivo operativo non collega i suoi indicatori alle finalità: in quel caso valgono per tutte (operationalObjective.indicators).",
    complexity: listOf(3),
  })
  indicators(@Parent() goal: T.GoalType): T.IndicatorType[] {
    return placeOf(placeOfGoal(goal), 'Goal').indicators;
  }
}

@Resolver(() => T.OperationalObjectiveType)
export class OperationalObjectiveContextResolver {
  @ResolveField(() => T.StrategicObjectiveType, { description: "Obiettivo strategico a cui appartiene l'obiettivo operativo." })
  strategicObjective(@Parent() objective: T.OperationalObjectiveType): T.StrategicObjectiveType {
    return placeOf(placeOfObjective(objective), 'OperationalObjective').strategic;
  }
}
