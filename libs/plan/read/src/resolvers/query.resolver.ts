import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import * as E from '@dup/domain';
import { checkPageSize, DomainError, LocalDateScalar, notFound, pageOf, toConnection } from '@dup/graphql-kit';
import type { PlanReadContext } from '../context';
import { readScope } from '../read-access';
import { visiblePeriodStates } from '@dup/auth';
import * as M from '../mappers';
import { searchIndicators } from '../services/indicator-search.service';
import { loadSpending } from '../services/spending.service';
import * as T from '../types';
import { toSpendingReport } from './spending.mapper';

@Resolver()
export class PlanQueryResolver {
  @Query(() => [T.EnteType], { description: "L'ente dell'utente autenticato (ogni utente vede solo il proprio)." })
  async entes(@Context() ctx: PlanReadContext): Promise<T.EnteType[]> {
    const { viewer } = await readScope(ctx);
    return (await ctx.em.find(E.Ente, { id: viewer.enteId })).map(M.toEnte);
  }

  @Query(() => [T.PlanEditionType], {
    description: "Edizioni del DUP, dalla più recente. Filtrabili per ente (codice ISTAT) e codice dell'edizione.",
    complexity: ({ childComplexity }) => 1 + 2 * childComplexity,
  })
  async planEditions(
    @Context() ctx: PlanReadContext,
    @Args('ente', { nullable: true, description: "Codice ISTAT dell'ente." }) ente?: string,
    @Args('code', { nullable: true, description: 'Codice dell\'edizione, es. "2020-2022".' }) code?: string,
  ): Promise<T.PlanEditionType[]> {
    const { viewer } = await readScope(ctx);
    const editions = await ctx.em.find(
      E.PlanEdition,
      { ente: { id: viewer.enteId, ...(ente ? { istatCode: ente } : {}) }, ...(code ? { code } : {}) },
      { orderBy: { startYear: 'desc', code: 'asc' } },
    );
    return editions.map(M.toEdition);
  }

  @Query(() => [T.DepartmentType], { description: "Settori dell'ente, in ordine di denominazione." })
  async departments(
    @Context() ctx: PlanReadContext,
    @Args('ente', { nullable: true, description: "Codice ISTAT dell'ente." }) ente?: string,
  ): Promise<T.DepartmentType[]> {
    const { viewer } = await readScope(ctx);
    const rows = await ctx.em.find(E.Department, { ente: { id: viewer.enteId, ...(ente ? { istatCode: ente } : {}) } }, { orderBy: { name: 'asc' } });
    return rows.map(M.toDepartment);
  }

  @Query(() => T.SpendingReportType, {
    description: 'Spese per Missioni e Programmi a una scadenza, con totali e indici calcolati (mai memorizzati).',
  })
  async spending(
    @Context() ctx: PlanReadContext,
    @Args('edition', { description: 'Codice dell\'edizione, es. "2020-2022".' }) edition: string,
    @Args('period', { type: () => LocalDateScalar, description: 'Scadenza del periodo, es. "2020-06-30".' }) period: string,
    @Args('ente', { nullable: true, description: "Codice ISTAT dell'ente." }) ente?: string,
  ): Promise<T.SpendingReportType> {
    const { viewer, hidden } = await readScope(ctx);
    if (hidden.has(period)) {
      throw new DomainError('FORBIDDEN', "Lo stato di attuazione di questo periodo non è ancora stato preso d'atto dalla Giunta.", { period });
    }
    const periods = await ctx.em.find(E.ReportingPeriod, {
      cutoffDate: period,
      edition: { code: edition, ente: { id: viewer.enteId, ...(ente ? { istatCode: ente } : {}) } },
    });
    if (periods.length === 0) throw notFound('Periodo di rendicontazione', `${edition} al ${period}`);
    const computation = await loadSpending(ctx.em, periods[0].id);
    const programmes = await ctx.em.find(E.Programme, {});
    const missions = await ctx.em.find(E.Mission, {});
    return toSpendingReport(period, computation, programmes, missions);
  }

  @Query(() => T.IndicatorConnectionType, {
    description: 'Ricerca paginata degli indicatori (Relay connection), in ordine di piano.',
    complexity: pageOf(200),
  })
  async indicators(
    @Context() ctx: PlanReadContext,
    @Args('filter', { type: () => T.IndicatorFilterInput, nullable: true, description: 'Criteri di filtro.' }) filter?: T.IndicatorFilterInput,
    @Args('first', { type: () => Int, nullable: true, description: 'Dimensione della pagina (predefinita 50).' }) first?: number,
    @Args('after', { nullable: true, description: 'Cursore dopo il quale iniziare (endCursor della pagina precedente).' }) after?: string,
  ): Promise<T.IndicatorConnectionType> {
    const size = checkPageSize(first, 50, ctx.maxPageSize);
    const { viewer, hidden } = await readScope(ctx);
    const page = await searchIndicators(ctx.em, filter ?? {}, size, after, { enteId: viewer.enteId, visibleStates: visiblePeriodStates(viewer) });
    // Results of draft periods never leave the server for viewers who may not read them.
    if (hidden.size) for (const row of page.rows) row.indicator.resultList = row.indicator.resultList.filter((r) => !hidden.has(r.period));
    return toConnection({ ...page, rows: page.rows.map((r) => ({ cursor: r.cursor, node: r.indicator })) });
  }
}
