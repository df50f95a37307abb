import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';
import { DomainError } from '@dup/graphql-kit';
import { approvalLine, buildReport, formatDate, reportFileBaseName, type ReportFormat, type ReportScope } from '@dup/reporting';
import { loadReportSource } from '../load-report-source';
import { findReportPeriod, type ReportPeriod } from '../report-access';
import { scopeParam } from '../report-request';
import { findFrozen, findFrozenByHash, sha256Hex, storeFrozen, type FrozenFile, type FrozenFormat } from './frozen-store';
import { buildTransparencyPackage } from './transparency-package';

/** Renders a report afresh (the report service's cached path). */
export type FreshRender = (
  em: EntityManager,
  enteId: string,
  request: { editionCode: string; period: string; scope: ReportScope; format: ReportFormat },
) => Promise<{ bytes: Buffer; fileName: string; pageCount: number | null }>;

const RENDITIONS: readonly ReportFormat[] = ['pdf', 'xlsx', 'html'];
const FORMAT_LABELS: Record<FrozenFormat, string> = { pdf: 'PDF', xlsx: 'Excel', html: 'HTML', zip: 'pacchetto per Amministrazione trasparente (zip)' };

export interface FrozenRequest {
  editionCode: string;
  period: string;
  scope: ReportScope;
  format: FrozenFormat;
  /** A past revision; absent: the current one. */
  revision?: number;
}

export interface VerificationResult {
  valid: boolean;
  /** The answer in Italian, as a person reads it. */
  message: string;
  sha256: string;
  file: { editionCode: string; period: string; revision: number; format: string; scope: string; fileName: string; approvedBy: string } | null;
}

/**
 * Reports of approved revisions are rendered once and then served from `frozen_report`:
 * - the full report's three formats and the transparency package are frozen when the council's
 *   approval is recorded (`freezeApproved`, called after the approval commits);
 * - anything not frozen yet (a period approved before this existed, such as Livorno's seeded
 *   30/06/2020, or a department's or mandate line's extract) is frozen on its first request,
 *   lazily but once (the first insert wins a race), and served from then on.
 * Past revisions (before a reopening) are served only from what was frozen for them.
 */
export class FrozenReports {
  constructor(private readonly render: FreshRender) {}

  /** The frozen file to serve for a request, or null when the revision asked is not approved (render afresh). */
  async forRequest(em: EntityManager, enteId: string, period: ReportPeriod, request: FrozenRequest): Promise<FrozenFile | null> {
    const revision = request.revision ?? period.revision;
    const key = { periodId: period.id, revision, scope: scopeParam(request.scope), format: request.format };
    if (revision < 1 || revision > period.revision) {
      throw new DomainError(
        'NOT_FOUND',
        `Il periodo al ${formatDate(period.cutoffDate)} non ha una revisione ${revision} (revisione attuale: ${period.revision}).`,
        { field: 'revision' },
      );
    }
    if (revision < period.revision) {
      const past = await findFrozen(em, key);
      if (!past)
        throw new DomainError(
          'NOT_FOUND',
          `La revisione ${revision} del periodo al ${formatDate(period.cutoffDate)} non ha un documento approvato in questo formato e ambito.`,
          { field: 'revision' },
        );
      return past;
    }
    if (period.state !== E.PeriodState.APPROVED_BY_COUNCIL || !period.approvedById) {
      if (request.format === 'zip')
        throw new DomainError('NOT_FOUND', 'Il pacchetto per Amministrazione trasparente esiste solo per un periodo approvato dal Consiglio.', {
          field: 'period',
        });
      return null;
    }
    return (await findFrozen(em, key)) ?? this.freeze(em, enteId, period, request, revision);
  }

  /** Freezes the full report and the package of a period just approved. */
  async freezeApproved(em: EntityManager, enteId: string, editionCode: string, cutoffDate: string): Promise<void> {
    const period = await findReportPeriod(em, enteId, editionCode, cutoffDate);
    await this.forRequest(em, enteId, period, { editionCode, period: cutoffDate, scope: { kind: 'full' }, format: 'zip' });
  }

  private async freeze(em: EntityManager, enteId: string, period: ReportPeriod, request: FrozenRequest, revision: number): Promise<FrozenFile> {
    const key = { periodId: period.id, revision, scope: scopeParam(request.scope), format: request.format };
    const approvedById = period.approvedById!;
    if (request.format !== 'zip') {
      const fresh = await this.render(em, enteId, { editionCode: request.editionCode, period: request.period, scope: request.scope, format: request.format });
      return storeFrozen(em, enteId, key, { fileName: fresh.fileName, bytes: Buffer.from(fresh.bytes), pageCount: fresh.pageCount, approvedById });
    }
    const full = { kind: 'full' } as const;
    const renditions: FrozenFile[] = [];
    for (const format of RENDITIONS) renditions.push((await this.forRequest(em, enteId, period, { ...request, scope: full, format, revision }))!);
    const model = buildReport(await loadReportSource(em, { enteId, editionCode: request.editionCode, period: request.period, scope: full }));
    const act = renditions[0].approvedBy;
    const bytes = await buildTransparencyPackage({ model, renditions, revision, approvalLine: approvalLine({ ...act, subject: '' })!, approvedBy: act });
    const fileName = `${reportFileBaseName(request.editionCode, request.period, full)}_pacchetto-trasparenza.zip`;
    return storeFrozen(em, enteId, { ...key, scope: scopeParam(full) }, { fileName, bytes, pageCount: null, approvedById });
  }

  /** Frozen files of the past revisions of a period, in revision order. */
  async pastRevisions(em: EntityManager, period: ReportPeriod, scope: ReportScope): Promise<E.FrozenReport[]> {
    return em.find(
      E.FrozenReport,
      { period: period.id, scope: scopeParam(scope), revision: { $lt: period.revision } },
      { orderBy: { revision: 'asc', format: 'asc' }, populate: ['approvedBy'] },
    );
  }

  /**
   * Whether `bytes` are a frozen report of the ente, and which. The approved periods' full
   * reports are frozen first if they were not yet, so a genuine file is recognised even before
   * anyone downloaded it.
   */
  async verify(em: EntityManager, enteId: string, bytes: Uint8Array): Promise<VerificationResult> {
    const approved = await em.find(E.ReportingPeriod, { ente: enteId, state: E.PeriodState.APPROVED_BY_COUNCIL }, { populate: ['edition'] });
    for (const p of approved) await this.freezeApproved(em, enteId, p.edition.getEntity().code, p.cutoffDate);
    const sha256 = sha256Hex(bytes);
    const [match, ente] = await Promise.all([findFrozenByHash(em, enteId, sha256), em.findOneOrFail(E.Ente, enteId)]);
    if (!match) {
      return {
        valid: false,
        sha256,
        file: null,
        message: `No: il file non corrisponde a nessun rapporto approvato dell'ente ${ente.name} (impronta SHA-256 ${sha256}). Una copia modificata, anche di un solo carattere, non è l'originale digitale.`,
      };
    }
    const period = match.period.getEntity();
    const editionCode = period.edition.getEntity().code;
    const act = match.approvedBy.getEntity();
    const approvedBy = approvalLine({ body: act.body, kind: act.kind, number: act.number, date: act.date, subject: act.subject })!;
    const scope = match.scope === 'completo' ? 'documento completo' : `ambito ${match.scope}`;
    return {
      valid: true,
      sha256,
      file: {
        editionCode,
        period: period.cutoffDate,
        revision: match.revision,
        format: match.format,
        scope: match.scope,
        fileName: match.fileName,
        approvedBy,
      },
      message:
        `Sì: il file è l'originale digitale del rapporto sullo stato di attuazione del DUP ${editionCode} al ${formatDate(period.cutoffDate)} ` +
        `dell'ente ${ente.name} (${FORMAT_LABELS[match.format as FrozenFormat] ?? match.format}, ${scope}, revisione ${match.revision}, file ${match.fileName}). ` +
        `${approvedBy}.`,
    };
  }
}
