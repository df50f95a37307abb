import { Args, Context, Field, Mutation, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';
import { PeriodState, Role } from '@dup/domain';
import { recordAudit } from '@dup/audit';
import { requireRole, requireViewer, type AuthContext } from '@dup/auth';
import { badUserInput, DomainError, LocalDateScalar, notFound } from '@dup/graphql-kit';
import { defaultReportText, formatDate, pageReferenceCodes, REPORT_TEXT_KEYS } from '@dup/reporting';

export enum ReportTextKey {
  mandateIntro = 'mandateIntro',
  normativeFramework = 'normativeFramework',
  editionHistory = 'editionHistory',
  internalControls = 'internalControls',
  statusIntro = 'statusIntro',
}
registerEnumType(ReportTextKey, {
  name: 'ReportTextKey',
  description:
    'Testi configurabili del rapporto sullo stato di attuazione (Markdown). Un rinvio a un obiettivo operativo si scrive {{pagina:CODICE}}, es. {{pagina:9.02.22}}: il rapporto lo completa con la pagina (PDF) o con il collegamento (HTML).',
  valuesMap: {
    mandateIntro: { description: "Capitolo 1: introduzione alle linee programmatiche di mandato (precede l'elenco delle linee)." },
    normativeFramework: { description: 'Capitolo 1: premessa normativa, sezione strategica e sezione operativa.' },
    editionHistory: { description: "Capitolo 1: storia dell'edizione del DUP (precede la tabella degli atti)." },
    internalControls: { description: 'Capitolo 2: sistema dei controlli interni e controllo strategico.' },
    statusIntro: { description: 'Capitolo 3: introduzione allo stato di attuazione (di norma specifica del periodo).' },
  },
});

export enum ReportTextOrigin {
  PERIOD = 'PERIOD',
  EDITION = 'EDITION',
  DEFAULT = 'DEFAULT',
}
registerEnumType(ReportTextOrigin, {
  name: 'ReportTextOrigin',
  description: 'Da dove proviene il testo usato nel rapporto.',
  valuesMap: {
    PERIOD: { description: 'Testo specifico del periodo.' },
    EDITION: { description: "Testo dell'edizione, valido per tutti i periodi." },
    DEFAULT: { description: 'Testo predefinito del programma.' },
  },
});

@ObjectType('ReportText', { description: 'Un testo configurabile del rapporto, come verrà stampato.' })
export class ReportTextType {
  @Field(() => ReportTextKey, { description: 'Chiave del testo.' }) key!: ReportTextKey;
  @Field(() => ReportTextOrigin, { description: 'Provenienza del testo usato.' }) origin!: ReportTextOrigin;
  @Field({ description: 'Testo (Markdown).' }) markdown!: string;
  @Field(() => String, { nullable: true, description: 'Ultimo autore della modifica; assente per il testo predefinito.' }) updatedBy!: string | null;
}

/** Beyond this a "text" is a document of its own. */
const MAX_MARKDOWN = 100_000;
/** Once a formal act refers to the report, its texts are frozen like its data. */
const FROZEN: readonly PeriodState[] = [PeriodState.NOTED_BY_GIUNTA, PeriodState.APPROVED_BY_COUNCIL];

type Ctx = AuthContext & { em: EntityManager; requestId: string };

async function findScope(em: EntityManager, enteId: string, editionCode: string, period: string | null | undefined) {
  const edition = await em.findOne(E.PlanEdition, { ente: enteId, code: editionCode });
  if (!edition) throw notFound('Edizione del DUP', editionCode);
  const row = period ? await em.findOne(E.ReportingPeriod, { edition, cutoffDate: period }) : null;
  if (period && !row) throw notFound('Periodo di rendicontazione', period);
  return { edition, period: row };
}

/**
 * Every `{{pagina:CODICE}}` must name an operational objective of the edition: the report prints
 * the page where it starts, so a wrong code is refused when the text is saved, not printed blank.
 */
async function checkPageReferences(em: EntityManager, edition: E.PlanEdition, markdown: string): Promise<void> {
  const codes = [...new Set(pageReferenceCodes(markdown))];
  if (!codes.length) return;
  const found = await em.find(E.OperationalObjective, { edition, code: { $in: codes } }, { fields: ['code'] });
  const known = new Set(found.map((o) => o.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (!unknown.length) return;
  const list = unknown.map((c) => `{{pagina:${c}}}`).join(', ');
  throw new DomainError(
    'BAD_USER_INPUT',
    `Riferimento a un obiettivo operativo che non esiste nell'edizione ${edition.code}: ${list}. Indicare il codice di un obiettivo operativo, ad esempio {{pagina:1.01.01}}.`,
    { field: 'markdown', reason: 'UNKNOWN_PAGE_REFERENCE', codes: unknown },
  );
}

@Resolver()
export class ReportTextsResolver {
  @Query(() => [ReportTextType], {
    description:
      "I testi configurabili del rapporto per un periodo (o per l'edizione), con la loro provenienza: testo del periodo, dell'edizione o predefinito.",
  })
  async reportTexts(
    @Context() ctx: Ctx,
    @Args('edition', { description: 'Codice dell\'edizione, es. "2020-2022".' }) edition: string,
    @Args('period', { type: () => LocalDateScalar, nullable: true, description: "Scadenza del periodo; senza, i testi validi per l'intera edizione." })
    period?: string,
  ): Promise<ReportTextType[]> {
    const viewer = requireViewer(ctx);
    const scope = await findScope(ctx.em, viewer.enteId, edition, period);
    const rows = await ctx.em.find(E.ReportText, { edition: scope.edition });
    return REPORT_TEXT_KEYS.map((key) => {
      const own = scope.period ? rows.find((r) => r.key === key && r.period?.id === scope.period!.id) : undefined;
      const shared = rows.find((r) => r.key === key && !r.period);
      const hit = own ?? shared;
      return {
        key: key as ReportTextKey,
        origin: own ? ReportTextOrigin.PERIOD : shared ? ReportTextOrigin.EDITION : ReportTextOrigin.DEFAULT,
        markdown: hit?.markdown ?? defaultReportText(key),
        updatedBy: hit?.updatedBy ?? null,
      };
    });
  }

  @Mutation(() => [ReportTextType], {
    description:
      "Imposta un testo configurabile del rapporto per l'edizione o per un periodo (ufficio programmazione). Con markdown nullo il testo torna a quello ereditato. Non modificabile dopo la presa d'atto della Giunta.",
  })
  async setReportText(
    @Context() ctx: Ctx,
    @Args('edition', { description: "Codice dell'edizione." }) edition: string,
    @Args('key', { type: () => ReportTextKey, description: 'Testo da impostare.' }) key: ReportTextKey,
    @Args('markdown', {
      type: () => String,
      nullable: true,
      description:
        'Nuovo testo (Markdown); null per tornare al testo ereditato. Per rinviare a un obiettivo operativo scrivere {{pagina:CODICE}} (es. {{pagina:9.02.22}}): il PDF stampa "pag. N" con la pagina in cui inizia l\'obiettivo e il collegamento, la versione HTML un collegamento "obiettivo 9.02.22", Excel "obiettivo 9.02.22".',
    })
    markdownArg: string | null | undefined,
    @Args('period', { type: () => LocalDateScalar, nullable: true, description: "Scadenza del periodo; senza, vale per tutti i periodi dell'edizione." })
    period?: string,
  ): Promise<ReportTextType[]> {
    // An omitted argument means the same as null: back to the inherited text.
    const markdown = markdownArg ?? null;
    const viewer = requireRole(ctx, [Role.PLANNING_OFFICE], { write: true });
    if (markdown !== null && markdown.length > MAX_MARKDOWN)
      throw badUserInput('markdown', `Il testo supera i ${MAX_MARKDOWN.toLocaleString('it-IT')} caratteri.`);
    if (markdown !== null && !markdown.trim()) throw badUserInput('markdown', 'Il testo è vuoto: per tornare al testo ereditato indicare null.');
    await ctx.em.transactional(async (tx) => {
      const scope = await findScope(tx, viewer.enteId, edition, period);
      const periods = scope.period ? [scope.period] : await tx.find(E.ReportingPeriod, { edition: scope.edition });
      const frozen = periods.filter((p) => FROZEN.includes(p.state));
      // An edition-wide text feeds every period's report, so any frozen period freezes it too;
      // a later period can still get its own text.
      if (frozen.length) {
        const dates = frozen.map((p) => formatDate(p.cutoffDate)).join(', ');
        const hint = scope.period ? '' : ' Per i periodi successivi impostare un testo specifico del periodo.';
        throw new DomainError('PERIOD_LOCKED', `Il rapporto al ${dates} è già stato preso d'atto: i suoi testi non si modificano più.${hint}`, {
          periods: frozen.map((p) => p.cutoffDate),
        });
      }
      if (markdown !== null) await checkPageReferences(tx, scope.edition, markdown);
      const existing = await tx.findOne(E.ReportText, { edition: scope.edition, period: scope.period ?? null, key });
      const before = existing ? { key, period: period ?? null, markdown: existing.markdown } : null;
      let row = existing;
      if (markdown === null) {
        if (existing) tx.remove(existing);
      } else if (existing) {
        existing.markdown = markdown;
        existing.updatedBy = viewer.username;
      } else {
        row = tx.create(E.ReportText, { ente: viewer.enteId, edition: scope.edition, period: scope.period, key, markdown, updatedBy: viewer.username });
      }
      await tx.flush();
      await recordAudit(tx, viewer, {
        operation: 'SET_REPORT_TEXT',
        entityType: 'ReportText',
        entityId: row?.id ?? `${scope.edition.id}:${period ?? '*'}:${key}`,
        periodId: scope.period?.id ?? null,
        before,
        after: markdown === null ? null : { key, period: period ?? null, markdown },
        requestId: ctx.requestId,
      });
    });
    return this.reportTexts(ctx, edition, period);
  }
}
