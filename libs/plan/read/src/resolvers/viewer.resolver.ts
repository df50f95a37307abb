import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import * as E from '@dup/domain';
import { requireViewer, ViewerType } from '@dup/auth';
import type { PlanReadContext } from '../context';
import * as M from '../mappers';
import * as T from '../types';

/** The viewer as built by the auth library; `enteId` travels with it though it is not a field. */
type ViewerParent = ViewerType & { enteId?: string };

/** What a client needs about the viewer to show their home page: departments and ente by name. */
@Resolver(() => ViewerType)
export class ViewerPlanResolver {
  @ResolveField(() => [T.DepartmentType], { description: 'Settori di cui il dirigente risponde, in ordine di denominazione; vuoto per gli altri ruoli.' })
  async departments(@Parent() viewer: ViewerParent, @Context() ctx: PlanReadContext): Promise<T.DepartmentType[]> {
    if (viewer.departmentIds.length === 0) return [];
    const rows = await ctx.em.find(E.Department, { id: { $in: viewer.departmentIds } }, { orderBy: { name: 'asc' } });
    return rows.map(M.toDepartment);
  }

  @ResolveField(() => T.EnteType, { description: "Ente dell'utente." })
  async ente(@Parent() viewer: ViewerParent, @Context() ctx: PlanReadContext): Promise<T.EnteType> {
    const enteId = viewer.enteId ?? requireViewer(ctx).enteId;
    return M.toEnte(await ctx.em.findOneOrFail(E.Ente, { id: enteId }));
  }
}
