import type { ReportModel } from '../../model/report-model';
import { documentOutline, PdfAssembler, type DocumentOutline } from './assemble';
import { planParts, type PartPlan, type PdfPartResult, type PdfPartRunner, type PdfPartTask } from './pdf-parts';
// Loaded with this module (at start-up), not by the first report.
import { renderPdfPart } from './render-part';

export interface PdfRenderOptions {
  /** Where the parts are rendered. Default: in this thread, one after the other. */
  runner?: PdfPartRunner;
}

/** Where the time went (milliseconds), for benchmarks and logs. */
export interface PdfRenderTimings {
  /** Parts rendered (the first is the cover and SOMMARIO). */
  parts: number;
  /** Sum of the parts' own render times (on whichever threads ran them). */
  partsRenderMs: number;
  /** From the start until the last part arrived. */
  partsWallMs: number;
  /** Assembly after the last part arrived (stamping, outline, metadata, saving). */
  finishMs: number;
  totalMs: number;
}

export interface RenderedPdf {
  bytes: Buffer;
  pageCount: number;
  /** Section id → 1-based page where its heading is (sections in the SOMMARIO or the outline). */
  sectionPages: Record<string, number>;
  timings: PdfRenderTimings;
}

/** Renders parts in the calling thread (tests, small reports, no pool at hand). */
export const inThreadPdfRunner: PdfPartRunner = {
  run(task: PdfPartTask): Promise<PdfPartResult> {
    return renderPdfPart(task);
  },
};

/** A document cut into parts, ready to render: all that rendering needs of the model. */
export interface PlannedPdf {
  readonly plan: PartPlan;
  readonly outline: DocumentOutline;
  readonly parallelism: number;
}

/**
 * Cuts the report into parts for a runner of the given parallelism. Once planned, the model itself
 * is no longer needed: each part holds its own slice, freed as soon as the part is rendered.
 */
export function planPdf(model: ReportModel, parallelism = 1): PlannedPdf {
  return { plan: planParts(model, { parallelism }), outline: documentOutline(model), parallelism };
}

/**
 * The report as a PDF. The document is cut into parts at the model's own page breaks (cover and
 * SOMMARIO, chapters, mandate lines), the parts are rendered by `runner` (in parallel when it is
 * a pool), and their pages are merged in order as they arrive; page numbers, running header,
 * SOMMARIO numbers, links and outline are added once the whole document is known.
 *
 * Not an async function on purpose: it keeps no reference to `model` while the parts render (a
 * suspended async function would keep its arguments alive), so a large model is freed part by part.
 */
export function renderPdf(model: ReportModel, options: PdfRenderOptions = {}): Promise<RenderedPdf> {
  const runner = options.runner ?? inThreadPdfRunner;
  return renderPlannedPdf(planPdf(model, runner.parallelism ?? 1), runner);
}

/** Renders a planned document (see planPdf) with `runner`. */
export async function renderPlannedPdf(planned: PlannedPdf, runner: PdfPartRunner = inThreadPdfRunner): Promise<RenderedPdf> {
  const started = performance.now();
  const { plan, parallelism } = planned;
  const assembler = new PdfAssembler(planned.outline);
  const tasks: (PdfPartTask | null)[] = plan.tasks;
  const ready = assembler.init();
  let partsRenderMs = 0;

  const add = async (part: PdfPartResult) => {
    partsRenderMs += part.renderMs;
    await assembler.add(part);
  };
  if (parallelism <= 1) {
    // One at a time, in order: each part is merged (and its memory freed) before the next.
    await ready;
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i] as PdfPartTask;
      tasks[i] = null;
      await add(await runner.run(task));
    }
  } else {
    // Heaviest parts first (a pool starts them in submission order, which balances the threads);
    // pages are merged in document order as the parts arrive.
    const order = plan.tasks.map((_, i) => i).sort((a, b) => plan.weights[b] - plan.weights[a] || a - b);
    const results = new Map<number, Promise<PdfPartResult>>();
    for (const i of order) {
      const p = runner.run(tasks[i] as PdfPartTask);
      tasks[i] = null;
      // A failure is reported when its part is awaited; don't let it surface as unhandled first.
      p.catch(() => undefined);
      results.set(i, p);
    }
    await ready;
    for (let i = 0; i < tasks.length; i++) {
      await add(await (results.get(i) as Promise<PdfPartResult>));
      results.delete(i);
    }
  }
  const partsDone = performance.now();
  const pdf = await assembler.finish();
  const finished = performance.now();
  return {
    ...pdf,
    timings: {
      parts: tasks.length,
      partsRenderMs,
      partsWallMs: partsDone - started,
      finishMs: finished - partsDone,
      totalMs: finished - started,
    },
  };
}
