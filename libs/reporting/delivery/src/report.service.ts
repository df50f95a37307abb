import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '@dup/domain';
import { ReportScopeError, scopePlan, type ReportFormat, type ReportScope } from '@dup/reporting';
import { DomainError } from '@dup/graphql-kit';
import type { RenderedReport } from '@dup/reporting';
import type { ReportJobRunner } from './jobs';
import { loadReportSource } from './load-report-source';
import { authorizeReport } from './report-access';
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

/** Authorizes, loads, renders (in worker threads) and caches reports for the API. */
@Injectable()
export class ReportService implements OnModuleDestroy {
  private readonly cache: ReportCache;

  constructor(
    @Inject(REPORT_JOB_RUNNER) private readonly runner: ReportJobRunner,
    @Inject(REPORT_CACHE_BYTES) cacheBytes: number,
  ) {
    this.cache = new ReportCache(cacheBytes);
  }

  /** Checks the viewer may read the report; throws FORBIDDEN / NOT_FOUND otherwise. */
  authorize(em: EntityManager, viewer: Viewer, request: Omit<ReportDownloadRequest, 'format'>): Promise<void> {
    return authorizeReport(em, viewer, request.editionCode, request.period, request.scope);
  }

  async render(em: EntityManager, viewer: Viewer, request: ReportDownloadRequest): Promise<{ report: RenderedReport; cached: boolean }> {
    await this.authorize(em, viewer, request);
    const source = await loadReportSource(em, { enteId: viewer.enteId, editionCode: request.editionCode, period: request.period, scope: request.scope });
    // An unknown line or department is NOT_FOUND before any rendering is queued.
    try {
      scopePlan(source);
    } catch (error) {
      if (error instanceof ReportScopeError) throw new DomainError('NOT_FOUND', error.message, { field: 'scope' });
      throw error;
    }
    const { format } = request;
    const dataVersion = source.dataVersion;
    // Only the serialised source is kept while the worker renders (it is what the worker receives).
    const sourceJson = new TextEncoder().encode(JSON.stringify(source));
    if (dataVersion === null) return { report: await this.runner.runSerialized(format, sourceJson), cached: false };
    const key = [viewer.enteId, request.editionCode, request.period, scopeParam(request.scope), format, dataVersion].join('|');
    return this.cache.get(key, () => this.runner.runSerialized(format, sourceJson));
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.close();
  }
}
