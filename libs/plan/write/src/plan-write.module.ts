import { Module } from '@nestjs/common';
import { DepartmentWorkResolver } from './graphql/department-work.resolver';
import { GoalPreviousStatusResolver } from './graphql/previous-status.resolver';
import { PlanStructureResolver } from './graphql/plan-structure.resolver';
import { PlanWriteResolver } from './graphql/plan-write.resolver';

/** Every resolver of the write side, also used to print the committed schema. */
export const PLAN_WRITE_RESOLVERS = [PlanWriteResolver, GoalPreviousStatusResolver, DepartmentWorkResolver, PlanStructureResolver];

/** Semester data entry (periods, statuses, contributions, results, targets, reviews, history) and plan structure edits. */
@Module({ providers: PLAN_WRITE_RESOLVERS })
export class PlanWriteModule {}
