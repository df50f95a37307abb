import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireViewer, type AuthContext } from '@dup/auth';
import { LocalDateScalar } from '@dup/graphql-kit';
import { PeriodState } from '@dup/domain';
import { approvalLine, reportFileBaseName, type ReportFormat, type ReportScope } from '@dup/reporting';
import { findReportPeriod, isDraftPeriod } from '../report-access';
import { CONTENT_TYPES, REPORT_FORMATS, ZIP_CONTENT_TYPE, parsePeriod, parseScope, reportPath } from '../report-request';
import type { FrozenFormat } from '../frozen/frozen-store';
import { describeScope, downloadableScopes, periodDataUpdatedAt } from '../report-scopes';
import { ReportService } from '../report.service';
import { ReportDownloadType, ReportFileInfoType, ReportScopeKind, ReportScopeType } from './report-downloads.types';

const DESCRIPTIONS: Record<string, string> = {
  pdf: 'Documento PDF per il Consiglio, impaginato come il documento approvato.',
  xlsx: 'Cartella Excel con sintesi, obiettivi, finalità, indicatori e spese (totali e indici come formule).',
  html: 'Pagina HTML accessibile (lettori di schermo, pubblicazione in Amministrazione trasparente).',
  zip: 'Pacchetto per Amministrazione trasparente: PDF, Excel e HTML approvati, dati aperti in CSV e JSON, metadati con licenza CC BY 4.0 e impronte SHA-256.',
};

const actLine = (act: { body: string; kind: string; number: string; date: string } | null | undefined) => (act ? approvalLine({ ...act, subject: '' }) : null);

const KINDS: Record<ReportScope['kind'], ReportScopeKind> = {
  full: ReportScopeKind.FULL,
  mandateLine: ReportScopeKind.MANDATE_LINE,
  department: ReportScopeKind.DEPARTMENT,
};

type Ctx = AuthContext & { em: EntityManager };

/** Runs `load` once, on first call. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

@Resolver(() => ReportDownloadType)
export class ReportDownloadsResolver {
  constructor(private readonly reports: ReportService) {}

  @Query(() => [ReportDownloadType], {
    description:
      'Collegamenti per scaricare il rapporto sullo stato di attuazione di un periodo in PDF, Excel e HTML. L\'ambito è "completo" (predefinito), "linea-N" o "settore-CODICE". Verifica che l\'utente possa leggerlo.',
    complexity: 2,
  })
  async reportDownloads(
    @Context() ctx: Ctx,
    @Args('edition', { description: 'Codice dell\'edizione, es. "2020-2022".' }) edition: string,
    @Args('period', { type: () => LocalDateScalar, description: 'Scadenza del periodo, es. "2020-06-30".' }) period: string,
    @Args('ambito', { nullable: true, description: 'Ambito: "completo", "linea-N" o "settore-CODICE".' }) ambito?: string,
  ): Promise<ReportDownloadType[]> {
    const viewer = requireViewer(ctx);
    const scope = parseScope(ambito);
    parsePeriod(period);
    const reportPeriod = await this.reports.authorize(ctx.em, viewer, { editionCode: edition, period, scope });
    const described = await describeScope(ctx.em, viewer.enteId, reportPeriod, scope);
    const dataUpdatedAt = once(() => periodDataUpdatedAt(ctx.em, reportPeriod.id));
    const approved = reportPeriod.state === PeriodState.APPROVED_BY_COUNCIL;
    const currentAct = approved ? actLine(await this.reports.currentApproval(ctx.em, reportPeriod)) : null;
    const entry = (format: FrozenFormat, revision: number, frozen: boolean, approvedBy: string | null, fileName?: string): ReportDownloadType => ({
      format,
      url:
        reportPath(edition, period, format as ReportFormat, scope) +
        (revision === reportPeriod.revision ? '' : `${scope.kind === 'full' ? '?' : '&'}revisione=${revision}`),
      fileName: fileName ?? `${reportFileBaseName(edition, period, scope)}${format === 'zip' ? '_pacchetto-trasparenza' : ''}.${format}`,
      contentType: format === 'zip' ? ZIP_CONTENT_TYPE : CONTENT_TYPES[format],
      description: DESCRIPTIONS[format],
      draft: isDraftPeriod(reportPeriod.state) && revision === reportPeriod.revision,
      periodState: reportPeriod.state,
      ambito: described.ambito,
      scopeLabel: described.label,
      revision,
      frozen,
      approvedBy,
      request: { editionCode: edition, period, scope, format, revision: revision === reportPeriod.revision ? undefined : revision },
      reportPeriod,
      dataUpdatedAt,
    });
    const current = REPORT_FORMATS.map((format) => entry(format, reportPeriod.revision, approved, currentAct));
    if (approved && scope.kind === 'full') current.push(entry('zip', reportPeriod.revision, true, currentAct));
    // Reopened periods: what was approved before stays listed and served, revision by revision.
    const past = (await this.reports.frozen.pastRevisions(ctx.em, reportPeriod, scope)).map((f) =>
      entry(f.format as FrozenFormat, f.revision, true, actLine(f.approvedBy.getEntity()), f.fileName),
    );
    return [...current, ...past];
  }

  @ResolveField(() => ReportFileInfoType, {
    nullable: true,
    description:
      'Dimensione, pagine e date del file. La prima richiesta genera il documento (qualche secondo per il PDF completo); le successive, finché i dati non cambiano, lo trovano già pronto.',
    complexity: 50,
  })
  async file(@Parent() download: ReportDownloadType, @Context() ctx: Ctx): Promise<ReportFileInfoType> {
    const viewer = requireViewer(ctx);
    const [report, dataUpdatedAt] = await Promise.all([
      this.reports.served(ctx.em, viewer.enteId, download.reportPeriod, download.request),
      download.dataUpdatedAt(),
    ]);
    return {
      sizeBytes: report.bytes.length,
      pageCount: report.pageCount,
      generatedAt: report.generatedAt,
      dataUpdatedAt,
      sha256: report.frozen?.sha256 ?? null,
    };
  }

  @Query(() => [ReportScopeType], {
    description:
      "Ambiti per cui l'utente può scaricare il rapporto di un periodo: documento completo, ciascuna linea di mandato, ciascun settore (per un dirigente solo i propri; per un consigliere nulla finché la Giunta non ha preso atto del periodo).",
    complexity: 20,
  })
  async reportScopes(
    @Context() ctx: Ctx,
    @Args('edition', { description: 'Codice dell\'edizione, es. "2020-2022".' }) edition: string,
    @Args('period', { type: () => LocalDateScalar, description: 'Scadenza del periodo, es. "2020-06-30".' }) period: string,
  ): Promise<ReportScopeType[]> {
    const viewer = requireViewer(ctx);
    parsePeriod(period);
    const reportPeriod = await findReportPeriod(ctx.em, viewer.enteId, edition, period);
    return (await downloadableScopes(ctx.em, viewer, reportPeriod)).map(({ scope, ...rest }) => ({ ...rest, kind: KINDS[scope.kind] }));
  }
}
