import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { runReportJob, type RenderedReport, type ReportJob } from '@dup/reporting';

/** Runs report jobs, in worker threads when compiled, in the calling thread otherwise. */
export interface ReportJobRunner {
  run(job: ReportJob): Promise<RenderedReport>;
  close(): Promise<void>;
  /** 'worker-threads' or 'in-thread'. */
  readonly mode: string;
}

/**
 * Worker threads keep report rendering off the API's event loop. The worker is the compiled
 * `report-job.worker.js`; from TypeScript sources (tests) there is none, and jobs run in the
 * calling thread instead, which is what a test wants anyway.
 */
export function createReportJobRunner(options: { maxThreads?: number; forceInThread?: boolean } = {}): ReportJobRunner {
  const workerFile = join(__dirname, 'report-job.worker.js');
  if (options.forceInThread || !existsSync(workerFile)) {
    return { mode: 'in-thread', run: runReportJob, close: async () => undefined };
  }
  const pool = new Piscina({
    filename: workerFile,
    minThreads: 0,
    maxThreads: Math.max(1, options.maxThreads ?? 1),
    // An idle pool releases its threads and their memory.
    idleTimeout: 30_000,
  });
  return {
    mode: 'worker-threads',
    async run(job) {
      const result = (await pool.run(job)) as Omit<RenderedReport, 'bytes'> & { bytes: Uint8Array };
      return { ...result, bytes: Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength) };
    },
    close: () => pool.destroy(),
  };
}
