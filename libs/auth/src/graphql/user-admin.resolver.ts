import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@dup/domain';
import type { RequestContextBase } from '@dup/graphql-kit';
import { recordAudit } from '@dup/audit';
import type { AuthContext } from '../access';
import { requireRole } from '../access';
import { createUser } from '../user-admin.service';
import { listUsers, resetUserPassword, setUserActive, setUserDepartments, updateUser, userView } from '../user-management.service';
import { CreateUserInput, UserType } from './user-admin.types';

type Ctx = RequestContextBase & AuthContext;

/** User administration (screen "Utenti"): administrators only, every write audited in its transaction. */
@Resolver(() => UserType)
export class UserAdminResolver {
  @Query(() => [UserType], { description: "Utenti dell'ente con settori, ultimo accesso e creazione (solo amministratori)." })
  async users(@Context() ctx: Ctx): Promise<UserType[]> {
    const viewer = requireRole(ctx, [Role.ADMIN]);
    return listUsers(ctx.em, viewer.enteId);
  }

  @Mutation(() => UserType, { description: "Crea un utente dell'ente (solo amministratori)." })
  async createUser(@Context() ctx: Ctx, @Args('input', { description: 'Dati del nuovo utente.' }) input: CreateUserInput): Promise<UserType> {
    const viewer = requireRole(ctx, [Role.ADMIN], { write: true });
    return ctx.em.transactional(async (tx) => {
      const user = await createUser(tx, { ...input, departmentCodes: input.departmentCodes ?? [], enteId: viewer.enteId, mustChangePassword: true });
      const after = await userView(tx, user);
      await recordAudit(tx, viewer, { operation: 'CREATE_USER', entityType: 'User', entityId: user.id, after, requestId: ctx.requestId });
      return after;
    });
  }

  @Mutation(() => UserType, { description: 'Attiva o disattiva un utente (solo amministratori).' })
  async setUserActive(
    @Context() ctx: Ctx,
    @Args('id', { type: () => ID, description: "Identificativo dell'utente." }) id: string,
    @Args('active', { description: 'Vero per attivare.' }) active: boolean,
  ): Promise<UserType> {
    const viewer = requireRole(ctx, [Role.ADMIN], { write: true });
    return setUserActive({ em: ctx.em, viewer, requestId: ctx.requestId }, id, active);
  }

  @Mutation(() => UserType, {
    description:
      "Imposta una password temporanea per un utente (solo amministratori): l'utente dovrà sceglierne una nuova al prossimo accesso. Stesse regole della creazione (almeno 12 caratteri).",
  })
  async resetUserPassword(
    @Context() ctx: Ctx,
    @Args('id', { type: () => ID, description: "Identificativo dell'utente." }) id: string,
    @Args('newPassword', { description: 'Password temporanea da comunicare all\'utente (almeno 12 caratteri).' }) newPassword: string,
  ): Promise<UserType> {
    const viewer = requireRole(ctx, [Role.ADMIN], { write: true });
    return resetUserPassword({ em: ctx.em, viewer, requestId: ctx.requestId }, id, newPassword);
  }

  @Mutation(() => UserType, { description: 'Sostituisce i settori di cui un dirigente risponde (solo amministratori; almeno un settore).' })
  async setUserDepartments(
    @Context() ctx: Ctx,
    @Args('id', { type: () => ID, description: "Identificativo dell'utente (dirigente)." }) id: string,
    @Args('departmentCodes', { type: () => [String], description: 'Codici dei settori, es. ["AMB_MOB"].' }) departmentCodes: string[],
  ): Promise<UserType> {
    const viewer = requireRole(ctx, [Role.ADMIN], { write: true });
    return setUserDepartments({ em: ctx.em, viewer, requestId: ctx.requestId }, id, departmentCodes);
  }

  @Mutation(() => UserType, {
    description:
      "Modifica nome e ruolo di un utente (solo amministratori). Un dirigente deve avere almeno un settore; chi smette di essere dirigente perde i settori, chi smette di essere revisore perde i token API. Un amministratore non cambia il proprio ruolo.",
  })
  async updateUser(
    @Context() ctx: Ctx,
    @Args('id', { type: () => ID, description: "Identificativo dell'utente." }) id: string,
    @Args('displayName', { nullable: true, description: 'Nuovo nome e cognome.' }) displayName?: string,
    @Args('role', { type: () => Role, nullable: true, description: 'Nuovo ruolo.' }) role?: Role,
    @Args('departmentCodes', { type: () => [String], nullable: true, description: 'Settori, obbligatori se l\'utente diventa dirigente senza settori.' })
    departmentCodes?: string[],
  ): Promise<UserType> {
    const viewer = requireRole(ctx, [Role.ADMIN], { write: true });
    return updateUser({ em: ctx.em, viewer, requestId: ctx.requestId }, id, { displayName, role, departmentCodes });
  }
}
