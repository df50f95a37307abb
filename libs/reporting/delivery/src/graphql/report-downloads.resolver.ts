import { Args, Context, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireViewer, type AuthContext } from '@dup/auth';
import { LocalDateScalar } from '@dup/graphql-kit';
import { reportFileBaseName } from '@dup/reporting';
import { CONTENT_TYPES, REPORT_FORMATS, parsePeriod, parseScope, reportPath } from '../report-request';
import { ReportService } from '../report.service';

@ObjectType('ReportDownload', { description: 'Un formato scaricabile del rapporto sullo stato di attuazione.' })
export class ReportDownloadType {
  @Field({ description: 'Formato: pdf, xlsx o html.' }) format!: string;
  @Field({ description: 'Percorso di download (GET, con le stesse credenziali della API), es. "/reports/2020-2022/2020-06-30.pdf".' }) url!: string;
  @Field({ description: 'Nome del file, es. "DUP-2020-2022_stato-attuazione_2020-06-30.pdf".' }) fileName!: string;
  @Field({ description: 'Tipo MIME del contenuto.' }) contentType!: string;
  @Field({ description: 'Descrizione del formato.' }) description!: string;
}

const DESCRIPTIONS: Record<string, string> = {
  pdf: 'Documento PDF per il Consiglio, impaginato come il documento approvato.',
  xlsx: 'Cartella Excel con sintesi, obiettivi, finalità, indicatori e spese (totali e indici come formule).',
  html: 'Pagina HTML accessibile (lettori di schermo, pubblicazione in Amministrazione trasparente).',
};

@Resolver()
export class ReportDownloadsResolver {
  constructor(private readonly reports: ReportService) {}

  @Query(() => [ReportDownloadType], {
    description:
      "Collegamenti per scaricare il rapporto sullo stato di attuazione di un periodo in PDF, Excel e HTML. L'ambito è \"completo\" (predefinito), \"linea-N\" o \"settore-CODICE\". Verifica che l'utente possa leggerlo.",
    complexity: 2,
  })
  async reportDownloads(
    @Context() ctx: AuthContext & { em: EntityManager },
    @Args('edition', { description: 'Codice dell\'edizione, es. "2020-2022".' }) edition: string,
    @Args('period', { type: () => LocalDateScalar, description: 'Scadenza del periodo, es. "2020-06-30".' }) period: string,
    @Args('ambito', { nullable: true, description: 'Ambito: "completo", "linea-N" o "settore-CODICE".' }) ambito?: string,
  ): Promise<ReportDownloadType[]> {
    const viewer = requireViewer(ctx);
    const scope = parseScope(ambito);
    parsePeriod(period);
    await this.reports.authorize(ctx.em, viewer, { editionCode: edition, period, scope });
    return REPORT_FORMATS.map((format) => ({
      format,
      url: reportPath(edition, period, format, scope),
      fileName: `${reportFileBaseName(edition, period, scope)}.${format}`,
      contentType: CONTENT_TYPES[format],
      description: DESCRIPTIONS[format],
    }));
  }
}
