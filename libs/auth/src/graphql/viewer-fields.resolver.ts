import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { User } from '@dup/domain';
import type { RequestContextBase } from '@dup/graphql-kit';
import { ViewerType } from './auth.types';

/** Fields of the viewer read from the user row only when asked. */
@Resolver(() => ViewerType)
export class ViewerFieldsResolver {
  @ResolveField(() => Boolean, {
    description: "Vero se l'amministratore ha reimpostato la password: l'interfaccia chiede di sceglierne una nuova prima di proseguire.",
  })
  async mustChangePassword(@Parent() viewer: ViewerType, @Context() ctx: RequestContextBase): Promise<boolean> {
    const user = await ctx.em.findOne(User, { id: viewer.userId }, { fields: ['mustChangePassword'] });
    return user?.mustChangePassword ?? false;
  }
}
