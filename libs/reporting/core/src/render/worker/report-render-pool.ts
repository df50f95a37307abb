import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { ReportModel } from '../../model/report-model';
import type { PdfPartRunner, PdfPartTask, PdfPartResult } from '../pdf/pdf-parts';
import { renderPdf, type RenderedPdf } from '../pdf/render-pdf';
import { runReportRenderTask, type ReportRenderResult, type ReportRenderTask, type ReportRenderTaskKind } from './render-tasks';

export interface ReportRenderPoolOptions {
  /** Worker threads (default: the machine's cores, at least 1). 0 runs every task in the calling thread. */
  threads?: number;
  /** Milliseconds an idle worker above `minThreads` is kept (default 60 s). */
  idleTimeoutMs?: number;
  /** Workers kept alive when idle (default: all of them, so a report never waits for thread start-up). */
  minThreads?: number;
  /** Environment of the worker threads (default: the process's). */
  env?: Record<string, string>;
  /**
   * V8 heap limits of each worker (worker_threads ResourceLimits). Default: old generation
   * 96 MB, young generation 48 MB (a smaller young generation makes rendering spend its time in
   * scavenges), which keeps a worker's memory bounded (V8 otherwise grows the
   * heap far beyond what a part needs) while leaving room for the largest part seen so far; a part
   * whose worker runs out of memory anyway is rendered again in the calling thread.
   */
  resourceLimits?: { maxOldGenerationSizeMb?: number; maxYoungGenerationSizeMb?: number };
}

const DEFAULT_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 48 };

/** Where the worker module is and how to start it: compiled JS directly, TypeScript through the shim. */
function workerEntry(): { filename: string; workerData?: Record<string, string> } | null {
  const compiled = join(__dirname, 'report-render-worker.js');
  if (__filename.endsWith('.js') && existsSync(compiled)) return { filename: compiled };
  const source = join(__dirname, 'report-render-worker.ts');
  const shim = join(__dirname, 'ts-worker-shim.js');
  if (existsSync(source) && existsSync(shim)) {
    try {
      require.resolve('typescript');
      return { filename: shim, workerData: { dupWorkerModule: source } };
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * A pool of worker threads for report rendering, shared by every kind of rendition: PDF parts
 * (a PDF is cut into parts rendered in parallel and assembled in the calling thread), whole
 * Excel and HTML renditions. Workers start with the pool and load the renderers at start, so
 * tasks do not pay for module loading. Without usable workers (threads: 0, or no worker module
 * on disk) tasks run in the calling thread.
 */
export class ReportRenderPool {
  private readonly piscina: Piscina | null;
  readonly threads: number;

  constructor(options: ReportRenderPoolOptions = {}) {
    const threads = Math.max(0, Math.floor(options.threads ?? Math.max(1, availableParallelism())));
    const entry = threads > 0 ? workerEntry() : null;
    this.threads = entry ? threads : 0;
    this.piscina = entry
      ? new Piscina({
          filename: entry.filename,
          workerData: entry.workerData,
          minThreads: Math.min(threads, options.minThreads ?? threads),
          maxThreads: threads,
          idleTimeout: options.idleTimeoutMs ?? 60_000,
          // Report tasks are few and long: no atomics spinning between them.
          atomics: 'disabled',
          ...(options.env ? { env: options.env } : {}),
          resourceLimits: { ...DEFAULT_RESOURCE_LIMITS, ...options.resourceLimits },
        })
      : null;
  }

  /** Whether tasks run in worker threads (false: in the calling thread). */
  get usesWorkers(): boolean {
    return this.piscina !== null;
  }

  /** Runs one task on a worker (or in this thread without workers). */
  run<K extends ReportRenderTaskKind>(task: Extract<ReportRenderTask, { kind: K }>): Promise<ReportRenderResult<K>> {
    if (!this.piscina) return runReportRenderTask(task) as Promise<ReportRenderResult<K>>;
    return this.piscina.run(task) as Promise<ReportRenderResult<K>>;
  }

  /** A PDF part runner that renders on this pool's workers. */
  pdfPartRunner(): PdfPartRunner {
    return {
      parallelism: Math.max(1, this.threads),
      run: async (part: PdfPartTask): Promise<PdfPartResult> => {
        try {
          return await this.run({ kind: 'pdf-part', part });
        } catch (error) {
          // A part too large for a worker's heap limit: render it here instead.
          if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return runReportRenderTask({ kind: 'pdf-part', part }) as Promise<PdfPartResult>;
          throw error;
        }
      },
    };
  }

  /** The report as a PDF, its parts rendered on the workers and assembled in this thread. */
  renderPdf(model: ReportModel): Promise<RenderedPdf> {
    return renderPdf(model, { runner: this.pdfPartRunner() });
  }

  async renderXlsx(model: ReportModel): Promise<Buffer> {
    const bytes = await this.run({ kind: 'xlsx', model });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  renderHtml(model: ReportModel): Promise<string> {
    return this.run({ kind: 'html', model });
  }

  /** Loads the renderers in every worker and lays out a small document (JIT warm-up). */
  async warmUp(): Promise<void> {
    const n = Math.max(1, this.threads);
    await Promise.all(Array.from({ length: n }, () => this.run({ kind: 'warm-up' })));
  }

  /** Stops the workers (waits for running tasks). */
  async close(): Promise<void> {
    await this.piscina?.close();
  }
}

let shared: ReportRenderPool | null = null;

/**
 * One pool per process (per thread, if called inside a worker), created on first use with the
 * default options. Idle workers do not keep the process alive.
 *
 *   renderPdf(model, { runner: sharedReportRenderPool().pdfPartRunner() })
 */
export function sharedReportRenderPool(): ReportRenderPool {
  shared ??= new ReportRenderPool();
  return shared;
}
