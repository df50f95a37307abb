import { Args, Context, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Role, type SpendingExtract } from '@dup/domain';
import { requireRole, type AuthContext } from '@dup/auth';
import { DateTimeScalar, LocalDateScalar, type RequestContextBase } from '@dup/graphql-kit';
import { findPeriod, spendingVersionsOf } from '../spending-versions';

type Ctx = RequestContextBase & AuthContext;

/** Who follows the spending loads: the office that loads them, administrators and auditors. */
const VERSION_READERS = [Role.PLANNING_OFFICE, Role.ADMIN, Role.AUDITOR] as const;

@ObjectType('SpendingExtractVersion', { description: 'Un caricamento della tabella delle spese di un periodo (estratto contabile o dati iniziali).' })
export class SpendingExtractVersionType {
  @Field(() => Int, { description: 'Numero della versione (1, 2, …) nel periodo.' }) version!: number;
  @Field({ description: 'Vero per la versione in uso: quella più recente, che i rapporti stampano.' }) current!: boolean;
  @Field({ description: 'SHA-256 del file caricato, esadecimale.' }) sha256!: string;
  @Field({ description: 'Nome del file caricato.' }) fileName!: string;
  @Field({ description: 'Chi lo ha caricato (nome utente; "seed" o "migrazione" per i dati iniziali).' }) loadedBy!: string;
  @Field(() => DateTimeScalar, { description: 'Quando è stato caricato.' }) loadedAt!: Date;
  @Field(() => Int, { description: 'Programmi con importi.' }) rowCount!: number;
}

const toVersion = (x: SpendingExtract, current: boolean): SpendingExtractVersionType => ({
  version: x.version,
  current,
  sha256: x.sha256,
  fileName: x.fileName,
  loadedBy: x.loadedBy,
  loadedAt: x.loadedAt,
  rowCount: x.rowCount,
});

@Resolver()
export class SpendingVersionsResolver {
  @Query(() => [SpendingExtractVersionType], {
    description:
      'Caricamenti della tabella delle spese di un periodo, dal più recente (ufficio programmazione, amministratori, revisori). Pochi per periodo: nessuna paginazione.',
  })
  async spendingVersions(
    @Context() ctx: Ctx,
    @Args('edition', { description: 'Codice dell\'edizione, es. "2020-2022".' }) edition: string,
    @Args('period', { type: () => LocalDateScalar, description: 'Scadenza del periodo, es. "2020-12-31".' }) period: string,
  ): Promise<SpendingExtractVersionType[]> {
    const viewer = requireRole(ctx, VERSION_READERS);
    const versions = await spendingVersionsOf(ctx.em, await findPeriod(ctx.em, viewer.enteId, edition, period));
    return versions.map((x, i) => toVersion(x, i === 0));
  }
}
