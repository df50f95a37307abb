import { operationalInForceAt } from '@dup/domain';
import type * as T from '../types';
import type { EditionTree } from './edition-tree';

/** Where a goal sits in the plan, with what it is shown with. */
export interface GoalPlace {
  goal: T.GoalType;
  objective: T.OperationalObjectiveType;
  strategic: T.StrategicObjectiveType;
  /** Indicators printed with the goal: those of its objective whose goal position is the goal's. */
  indicators: T.IndicatorType[];
}

/** An operational objective with its parent and goals, in plan order. */
export interface ObjectivePlace {
  objective: T.OperationalObjectiveType;
  strategic: T.StrategicObjectiveType;
  goals: GoalPlace[];
}

/** Lookups over one edition's tree that the tree's nested shape does not answer. */
export interface EditionIndex {
  /** Operational objectives in plan order: mandate line, strategic objective, code. */
  objectives: readonly ObjectivePlace[];
  /** Goals in plan order. */
  goals: readonly GoalPlace[];
  /** Goals by id (the `goal(id)` query). */
  goalsById: ReadonlyMap<string, GoalPlace>;
}

/*
 * Derived once per tree and dropped with it. The tree's DTOs are shared by every request while
 * the data version is unchanged, so a goal or objective DTO identifies its place: field
 * resolvers find a goal's parent without a statement and without the tree carrying back links.
 */
const indexes = new WeakMap<EditionTree, EditionIndex>();
const goalPlaces = new WeakMap<T.GoalType, GoalPlace>();
const objectivePlaces = new WeakMap<T.OperationalObjectiveType, ObjectivePlace>();

export function editionIndex(tree: EditionTree): EditionIndex {
  let index = indexes.get(tree);
  if (index) return index;
  const objectives: ObjectivePlace[] = [];
  for (const line of tree.mandateLines) {
    for (const strategic of line.strategicObjectives) {
      for (const objective of strategic.operationalObjectives) {
        const place: ObjectivePlace = { objective, strategic, goals: [] };
        for (const goal of objective.goals) {
          const goalPlace: GoalPlace = { goal, objective, strategic, indicators: objective.indicators.filter((i) => i.goalPosition === goal.position) };
          place.goals.push(goalPlace);
          goalPlaces.set(goal, goalPlace);
        }
        objectivePlaces.set(objective, place);
        objectives.push(place);
      }
    }
  }
  const goals = objectives.flatMap((o) => o.goals);
  index = { objectives, goals, goalsById: new Map(goals.map((g) => [g.goal.id, g])) };
  indexes.set(tree, index);
  return index;
}

/** The place of a goal DTO of an indexed tree (every tree the per-request loaders hand out is). */
export function placeOfGoal(goal: T.GoalType): GoalPlace | undefined {
  return goalPlaces.get(goal);
}

export function placeOfObjective(objective: T.OperationalObjectiveType): ObjectivePlace | undefined {
  return objectivePlaces.get(objective);
}

/** Whether an objective is part of the plan at a cut-off: objectives added by a later amendment are not. */
export function inForceAt(place: { objective: T.OperationalObjectiveType; strategic: T.StrategicObjectiveType }, cutoff: string): boolean {
  return operationalInForceAt(place.strategic, place.objective, cutoff);
}
