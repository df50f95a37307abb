import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Act, type PeriodApprovalListener, type Viewer } from '@dup/domain';
import { ReportScopeError, scopePlan, type ReportFormat, type ReportScope } from '@dup/reporting';
import { DomainError } from '@dup/graphql-kit';
import type { RenderedReport } from '@dup/reporting';
import { readPlanDataVersion } from '@dup/plan-read';
import type { ReportJobRunner } from './jobs';
import { loadReportSource } from './load-report-source';
import { authorizeReport, type ReportPeriod } from './report-access';
import { ReportCache } from './report-cache';
import { scopeParam } from './report-request';
import { FrozenReports, type FrozenRequest } from './frozen/frozen-reports';
import type { FrozenFile, FrozenFormat } from './frozen/frozen-store';

export const REPORT_JOB_RUNNER = Symbol('REPORT_JOB_RUNNER');
export const REPORT_CACHE_BYTES = Symbol('REPORT_CACHE_BYTES');

export interface ReportDownloadRequest {
  editionCode: string;
  period: string;
  scope: ReportScope;
  format: ReportFormat;
  /** A past revision of the period (its frozen files); absent: the current one. */
  revision?: number;
}

/** A rendered report and the moment its data was read (the date the document prints). */
export interface Rendition extends RenderedReport {
  generatedAt: Date;
}

/** What a download serves: a fresh rendition, or the frozen file of an approved revision. */
export interface Served {
  bytes: Buffer;
  fileName: string;
  format: FrozenFormat;
  pageCount: number | null;
  generatedAt: Date;
  /** Set for frozen files. */
  frozen: FrozenFile | null;
  cached: boolean;
}

const fromFrozen = (f: FrozenFile): Served => ({
  bytes: f.bytes,
  fileName: f.fileName,
  format: f.format,
  pageCount: f.pageCount,
  generatedAt: f.frozenAt,
  frozen: f,
  cached: true,
});

/** Authorizes, loads, renders (in worker threads) and caches reports for the API. */
@Injectable()
export class ReportService implements OnModuleDestroy, PeriodApprovalListener {
  private readonly cache: ReportCache<Rendition>;
  readonly frozen: FrozenReports;

  constructor(
    @Inject(REPORT_JOB_RUNNER) private readonly runner: ReportJobRunner,
    @Inject(REPORT_CACHE_BYTES) cacheBytes: number,
  ) {
    this.cache = new ReportCache(cacheBytes);
    this.frozen = new FrozenReports(async (em, enteId, request) => (await this.renderAuthorized(em, enteId, request)).report);
  }

  /** Checks the viewer may read the report and returns its period; throws FORBIDDEN / NOT_FOUND otherwise. */
  authorize(em: EntityManager, viewer: Viewer, request: Omit<ReportDownloadRequest, 'format'>): Promise<ReportPeriod> {
    return authorizeReport(em, viewer, request.editionCode, request.period, request.scope);
  }

  /**
   * What a download serves: for an approved revision its frozen bytes (frozen now if this is the
   * first request), otherwise a rendition of the current data.
   */
  async download(em: EntityManager, viewer: Viewer, request: Omit<ReportDownloadRequest, 'format'> & { format: FrozenFormat }): Promise<Served> {
    const period = await this.authorize(em, viewer, request);
    if (request.format === 'zip' && request.scope.kind !== 'full') {
      throw new DomainError('BAD_USER_INPUT', 'Il pacchetto per Amministrazione trasparente riguarda il documento completo: non indicare un ambito.', {
        field: 'scope',
      });
    }
    const frozen = await this.frozen.forRequest(em, viewer.enteId, period, request as FrozenRequest);
    if (frozen) return fromFrozen(frozen);
    const { report, cached } = await this.renderAuthorized(em, viewer.enteId, request as ReportDownloadRequest);
    return {
      bytes: report.bytes,
      fileName: report.fileName,
      format: report.format,
      pageCount: report.pageCount,
      generatedAt: report.generatedAt,
      frozen: null,
      cached,
    };
  }

  /** The file a reportDownloads entry describes (already authorized): frozen or rendered. */
  async served(em: EntityManager, enteId: string, period: ReportPeriod, request: FrozenRequest): Promise<Served> {
    const frozen = await this.frozen.forRequest(em, enteId, period, request);
    if (frozen) return fromFrozen(frozen);
    const { report, cached } = await this.renderAuthorized(em, enteId, request as ReportDownloadRequest);
    return {
      bytes: report.bytes,
      fileName: report.fileName,
      format: report.format,
      pageCount: report.pageCount,
      generatedAt: report.generatedAt,
      frozen: null,
      cached,
    };
  }

  /** The council act of the period's current revision (null before approval). */
  async currentApproval(em: EntityManager, period: ReportPeriod) {
    return period.approvedById ? em.findOne(Act, period.approvedById) : null;
  }

  /** Called by the write side once the council's approval committed: freezes the full report and the package. */
  async periodApproved(em: EntityManager, enteId: string, editionCode: string, cutoffDate: string): Promise<void> {
    await this.frozen.freezeApproved(em.fork(), enteId, editionCode, cutoffDate);
  }

  /**
   * The rendition of a report the caller has already authorized. While the plan data is
   * unchanged, a rendition in the cache costs one statement (the data version) and no rendering.
   */
  async renderAuthorized(em: EntityManager, enteId: string, request: ReportDownloadRequest): Promise<{ report: Rendition; cached: boolean }> {
    const keyAt = (version: string) => [enteId, request.editionCode, request.period, scopeParam(request.scope), request.format, version].join('|');
    const current = await readPlanDataVersion(em);
    const hit = current === null ? undefined : this.cache.peek(keyAt(current.toString()));
    if (hit) return { report: hit, cached: true };
    const source = await loadReportSource(em, { enteId, editionCode: request.editionCode, period: request.period, scope: request.scope });
    // An unknown line or department is NOT_FOUND before any rendering is queued.
    try {
      scopePlan(source);
    } catch (error) {
      if (error instanceof ReportScopeError) throw new DomainError('NOT_FOUND', error.message, { field: 'scope' });
      throw error;
    }
    const { format } = request;
    const dataVersion = source.dataVersion;
    const generatedAt = new Date(source.generatedAt);
    // Only the serialised source is kept while the worker renders (it is what the worker receives).
    const sourceJson = new TextEncoder().encode(JSON.stringify(source));
    const run = async (): Promise<Rendition> => ({ ...(await this.runner.runSerialized(format, sourceJson)), generatedAt });
    if (dataVersion === null) return { report: await run(), cached: false };
    return this.cache.get(keyAt(dataVersion), run);
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.close();
  }
}
