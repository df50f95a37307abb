import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { RenderedReport, ReportFormat, ReportJob } from '@dup/reporting/job';
import type { ReportJobMessage } from './report-job.worker';

/** Runs report jobs, in worker threads when compiled, in the calling thread otherwise. */
export interface ReportJobRunner {
  run(job: ReportJob): Promise<RenderedReport>;
  /**
   * The same with the source already serialised as JSON (what travels to the worker anyway): a
   * caller that drops its object graph keeps only these bytes while the report renders.
   */
  runSerialized(format: ReportFormat, sourceJson: Uint8Array): Promise<RenderedReport>;
  close(): Promise<void>;
  /** 'worker-threads' or 'in-thread'. */
  readonly mode: string;
  /** Settles when the kept workers have warmed up (at once without kept workers). */
  readonly ready: Promise<void>;
}

export interface ReportJobRunnerOptions {
  /** Worker threads (default 1). */
  maxThreads?: number;
  /** Run jobs in the calling thread even when the compiled worker exists. */
  forceInThread?: boolean;
  /**
   * Keep the workers for the life of the runner and warm them up at once (the API). Otherwise
   * workers start per burst of jobs and are released after 30 s idle (the CLI). The warm-up starts
   * each job worker's PDF-part workers and renders synthetic reports through them (see
   * `warmUpReports`); a large report releases them, and the next report small enough to use them
   * starts them again.
   */
  keepWarm?: boolean;
  /**
   * Synthetic reports (about 50 pages each) each kept job worker renders when it starts, so that
   * the first real reports already run at full speed (default DEFAULT_WARM_UP_REPORTS, 3; 0: only
   * the renderers are loaded and a small part laid out).
   */
  warmUpReports?: number;
  /**
   * Threads each job worker keeps for rendering the parts of a PDF in parallel (default 2; 0:
   * parts are rendered by the job worker itself). Reports above PARALLEL_PDF_MAX_WEIGHT always
   * render in the job worker.
   */
  pdfThreads?: number;
  /**
   * Megabytes of rendered PDF parts each job worker keeps between jobs (default: runReportJob's,
   * 32 MB; 0: none), so that a report regenerated after a few edits lays out only the parts whose
   * content changed.
   */
  pdfPartCacheMb?: number;
  /**
   * V8 old-generation limit of each worker, in MB (0: V8's default). Rendering makes much
   * short-lived garbage and V8 otherwise lets the heap grow far past what is live; the limit makes
   * it collect sooner. A job that still runs out of memory is run again once without the limit.
   */
  heapLimitMb?: number;
  /** Told when a job ran out of the worker's heap and is being run again without the limit. */
  onHeapLimitExceeded?: (format: ReportFormat) => void;
  /** Told when a job's source is too large for the heap limit and the job runs without it from the start. */
  onLargeSource?: (format: ReportFormat, sourceBytes: number) => void;
}

/** Bounds the job worker's heap (V8 would let it grow to several times what is live). */
export const DEFAULT_REPORT_WORKER_HEAP_MB = 192;

/**
 * Set with the old-generation limit because V8 otherwise sizes the young generation from that
 * limit, far smaller than a main thread's: rendering then spends much of its time in scavenges.
 */
const YOUNG_GENERATION_MB = 48;

/**
 * Heap a job needs per byte of its source JSON, with margin: a plan ten times Livorno's (8 MB of
 * JSON) peaks at about 110 MB of live heap while its PDF renders. A job whose estimate exceeds the
 * heap limit runs on an unbounded worker from the start instead of running out of memory: that
 * would cost a second run, and on Node 20 a worker that dies of it while V8 is still compiling for
 * it in the background can abort the whole process (seen in this project's tests).
 */
export const HEAP_BYTES_PER_SOURCE_BYTE = 16;

/**
 * Source JSON size above which a job worker stops its PDF-part workers before the job arrives
 * (about 2.4× Livorno's 0.84 MB, i.e. about the reporting library's PARALLEL_PDF_MAX_WEIGHT, above
 * which a PDF does not use them anyway): a large plan's model and rendering must not have their
 * heaps beside the part workers' (some 130 MB once warm). Any format: Excel and HTML never use them.
 */
export const LARGE_REPORT_SOURCE_BYTES = 2_000_000;

type WorkerResult = Omit<RenderedReport, 'bytes'> & { bytes: Uint8Array };

const toRendered = (result: WorkerResult): RenderedReport => ({
  ...result,
  bytes: Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength),
});

const isOutOfMemory = (error: unknown) => (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * `pool.run`, except that a worker that fails while starting (e.g. out of memory loading the
 * renderers) fails the waiting calls, and later ones at once: piscina reports that as a pool
 * 'error' event, not to the waiting task, and starts no worker again.
 */
function guardedRun(pool: Piscina) {
  let poolError: unknown = null;
  const waiting = new Set<(error: unknown) => void>();
  pool.on('error', (error: unknown) => {
    poolError = error;
    for (const fail of waiting) fail(error);
    waiting.clear();
  });
  return (message: ReportJobMessage, transferList?: ArrayBuffer[]) =>
    new Promise<WorkerResult>((resolve, reject) => {
      if (poolError) return reject(poolError);
      waiting.add(reject);
      (pool.run(message, transferList ? { transferList } : {}) as Promise<WorkerResult>).then(resolve, reject).finally(() => waiting.delete(reject));
    });
}

/**
 * Worker threads keep report rendering off the API's event loop. The worker is the compiled
 * `report-job.worker.js`; from TypeScript sources (tests) there is none, and jobs run in the
 * calling thread instead, which is what a test wants anyway.
 */
export function createReportJobRunner(options: ReportJobRunnerOptions = {}): ReportJobRunner {
  const workerFile = join(__dirname, 'report-job.worker.js');
  const pdfPartCacheBytes = options.pdfPartCacheMb === undefined ? undefined : Math.max(0, options.pdfPartCacheMb) * 1024 * 1024;
  if (options.forceInThread || !existsSync(workerFile)) {
    // Loaded here only: a thread that hands jobs to workers never loads the renderers.
    const run = async (job: ReportJob) => (await import('@dup/reporting/job')).runReportJob({ pdfPartCacheBytes, ...job });
    return {
      mode: 'in-thread',
      run,
      runSerialized: (format, sourceJson) => run({ format, source: JSON.parse(new TextDecoder().decode(sourceJson)) }),
      close: async () => undefined,
      ready: Promise.resolve(),
    };
  }
  const threads = Math.max(1, options.maxThreads ?? 1);
  const heapLimitMb = options.heapLimitMb ?? DEFAULT_REPORT_WORKER_HEAP_MB;
  const pdfThreads = Math.max(0, options.pdfThreads ?? 2);
  const pool = new Piscina({
    filename: workerFile,
    minThreads: options.keepWarm ? threads : 0,
    maxThreads: threads,
    idleTimeout: 30_000,
    // Jobs are few and long: no atomics spinning between them.
    atomics: 'disabled',
    ...(heapLimitMb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } } : {}),
  });
  const runOnPool = guardedRun(pool);
  // Created by the first job that needs it (a large source, or a job out of memory).
  let unbounded: Piscina | null = null;
  let runOnUnbounded: ReturnType<typeof guardedRun> | null = null;
  const runUnbounded = (message: ReportJobMessage) => {
    if (!runOnUnbounded) {
      unbounded = new Piscina({ filename: workerFile, minThreads: 0, maxThreads: 1, idleTimeout: 5_000, atomics: 'disabled' });
      runOnUnbounded = guardedRun(unbounded);
    }
    return runOnUnbounded(message);
  };
  const jobMessage = (format: ReportFormat, sourceJson: Uint8Array): Extract<ReportJobMessage, { kind: 'job' }> => ({ kind: 'job', format, sourceJson, pdfThreads, pdfPartCacheBytes });
  const fitsHeapLimit = (sourceJson: Uint8Array) => heapLimitMb <= 0 || sourceJson.byteLength * HEAP_BYTES_PER_SOURCE_BYTE <= heapLimitMb * 1024 * 1024;
  const runSerialized = async (format: ReportFormat, sourceJson: Uint8Array) => {
    // A large job must not run while a kept job worker still holds its part workers (their heaps
    // and the job's would add up, on this worker or on the unbounded one): they are stopped first.
    if (options.keepWarm && sourceJson.byteLength > LARGE_REPORT_SOURCE_BYTES) await runOnPool({ kind: 'release-parts' }).catch(() => undefined);
    if (!fitsHeapLimit(sourceJson)) {
      options.onLargeSource?.(format, sourceJson.byteLength);
      return toRendered(await runUnbounded(jobMessage(format, sourceJson)));
    }
    try {
      // A copy is transferred: the caller's bytes stay usable for the retry below.
      const message = jobMessage(format, sourceJson.slice());
      return toRendered(await runOnPool(message, [message.sourceJson.buffer as ArrayBuffer]));
    } catch (error) {
      if (!isOutOfMemory(error)) throw error;
      options.onHeapLimitExceeded?.(format);
      return toRendered(await runUnbounded(jobMessage(format, sourceJson)));
    }
  };
  const ready = options.keepWarm
    ? Promise.all(Array.from({ length: threads }, () => runOnPool({ kind: 'warm-up', pdfThreads, reports: options.warmUpReports }))).then(
        () => undefined,
        // A failed warm-up only costs speed; the job that follows reports any real problem.
        () => undefined,
      )
    : Promise.resolve();
  return {
    mode: 'worker-threads',
    ready,
    run: (job) => runSerialized(job.format, new TextEncoder().encode(JSON.stringify(typeof job.source === 'function' ? job.source() : job.source))),
    runSerialized,
    async close() {
      await Promise.all([pool.destroy(), unbounded?.destroy()]);
    },
  };
}
