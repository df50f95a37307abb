import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '@dup/domain';
import { ReportScopeError, scopePlan, type ReportFormat, type ReportScope } from '@dup/reporting';
import { DomainError } from '@dup/graphql-kit';
import type { RenderedReport } from '@dup/reporting';
import { readPlanDataVersion } from '@dup/plan-read';
import type { ReportJobRunner } from './jobs';
import { loadReportSource } from './load-report-source';
import { authorizeReport, type ReportPeriod } from './report-access';
import { ReportCache } from './report-cache';
import { scopeParam } from './report-request';

export const REPORT_JOB_RUNNER = Symbol('REPORT_JOB_RUNNER');
export const REPORT_CACHE_BYTES = Symbol('REPORT_CACHE_BYTES');

export interface ReportDownloadRequest {
  editionCode: string;
  period: string;
  scope: ReportScope;
  format: ReportFormat;
}

/** A rendered report and the moment its data was read (the date the document prints). */
export interface Rendition extends RenderedReport {
  generatedAt: Date;
}

/** Authorizes, loads, renders (in worker threads) and caches reports for the API. */
@Injectable()
export class ReportService implements OnModuleDestroy {
  private readonly cache: ReportCache<Rendition>;

  constructor(
    @Inject(REPORT_JOB_RUNNER) private readonly runner: ReportJobRunner,
    @Inject(REPORT_CACHE_BYTES) cacheBytes: number,
  ) {
    this.cache = new ReportCache(cacheBytes);
  }

  /** Checks the viewer may read the report and returns its period; throws FORBIDDEN / NOT_FOUND otherwise. */
  authorize(em: EntityManager, viewer: Viewer, request: Omit<ReportDownloadRequest, 'format'>): Promise<ReportPeriod> {
    return authorizeReport(em, viewer, request.editionCode, request.period, request.scope);
  }

  async render(em: EntityManager, viewer: Viewer, request: ReportDownloadRequest): Promise<{ report: Rendition; cached: boolean }> {
    await this.authorize(em, viewer, request);
    return this.renderAuthorized(em, viewer.enteId, request);
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
