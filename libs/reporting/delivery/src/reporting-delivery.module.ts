import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { PERIOD_APPROVAL_LISTENER } from '@dup/domain';
import { ReportController, REPORT_JWT_SECRET } from './http/report.controller';
import { ReportDownloadsResolver } from './graphql/report-downloads.resolver';
import { ReportTextsResolver } from './graphql/report-texts.resolver';
import { createReportJobRunner } from './jobs';
import { ReportService, REPORT_CACHE_BYTES, REPORT_JOB_RUNNER } from './report.service';

export interface ReportingModuleOptions {
  jwtSecret: string;
  /** Worker threads for report jobs (0 renders in the calling thread: tests only). */
  workerThreads: number;
  /** V8 old-generation limit of each report worker, in MB (0: V8's default). */
  workerHeapMb?: number;
  /** Threads each report worker keeps for the parts of a PDF (0: none). */
  pdfThreads?: number;
  /** MB of rendered PDF parts each report worker keeps, so regenerating after a few edits re-renders only those parts (0: none). */
  pdfPartCacheMb?: number;
  /** Synthetic reports each report worker renders at start, so the first real ones run at full speed (default 3). */
  warmUpReports?: number;
  /** Memory for rendered reports kept for reuse while the data is unchanged. */
  cacheBytes: number;
}

/** Every resolver of the reporting API, also used to print the committed schema. */
export const REPORTING_RESOLVERS = [ReportDownloadsResolver, ReportTextsResolver];

/** Report downloads over HTTP and their links in GraphQL. */
@Module({})
export class ReportingDeliveryModule {
  static forRoot(options: ReportingModuleOptions): DynamicModule {
    return {
      module: ReportingDeliveryModule,
      // Global so that the write side finds the approval listener without depending on reporting.
      global: true,
      exports: [PERIOD_APPROVAL_LISTENER],
      controllers: [ReportController],
      providers: [
        ...REPORTING_RESOLVERS,
        ReportService,
        { provide: PERIOD_APPROVAL_LISTENER, useExisting: ReportService },
        { provide: REPORT_JWT_SECRET, useValue: options.jwtSecret },
        { provide: REPORT_CACHE_BYTES, useValue: options.cacheBytes },
        {
          provide: REPORT_JOB_RUNNER,
          // Workers are kept and warmed up at start (part workers too): the first reports already render at full speed.
          useFactory: () => {
            const started = performance.now();
            const runner = createReportJobRunner({
              maxThreads: options.workerThreads,
              forceInThread: options.workerThreads === 0,
              keepWarm: true,
              heapLimitMb: options.workerHeapMb,
              pdfThreads: options.pdfThreads,
              pdfPartCacheMb: options.pdfPartCacheMb,
              warmUpReports: options.warmUpReports,
              onHeapLimitExceeded: (format) =>
                new Logger('Reports').warn(
                  `A ${format} report exceeded REPORT_WORKER_HEAP_MB (${options.workerHeapMb ?? 'default'}); rendered again without the limit.`,
                ),
              onLargeSource: (format, bytes) =>
                new Logger('Reports').log(
                  `A ${format} report's data (${(bytes / 1048576).toFixed(1)} MB) is too large for REPORT_WORKER_HEAP_MB; rendered without the limit.`,
                ),
            });
            // Reports can be requested during the warm-up; they just render more slowly until it ends.
            if (runner.mode === 'worker-threads') {
              const seconds = () => ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
              void runner.ready.then(() => new Logger('Reports').log(`Generazione dei rapporti a pieno regime: riscaldamento completato in ${seconds()} s`));
            }
            return runner;
          },
        },
      ],
    };
  }
}
