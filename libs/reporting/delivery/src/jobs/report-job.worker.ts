import { releaseReportPartWorkers, runReportJob, warmUpReportRenderers, withMovedBytes, type ReportFormat, type ReportSource } from '@dup/reporting/job';
import { LARGE_REPORT_SOURCE_BYTES } from './report-job-pool';

/**
 * What the pool sends: a report job, or the warm-up a kept worker runs when it starts. The source
 * travels as JSON bytes (a transferred buffer): neither thread keeps a copy of its object graph
 * while the other renders, which matters for large plans.
 */
export type ReportJobMessage =
  | { kind: 'job'; format: ReportFormat; sourceJson: Uint8Array; pdfThreads: number; pdfPartCacheBytes?: number }
  | { kind: 'warm-up'; pdfThreads: number; reports?: number }
  /** Stop the part workers now (a large job follows: see LARGE_REPORT_SOURCE_BYTES). */
  | { kind: 'release-parts' };

/**
 * The job's source, parsed; the message gives up its bytes, so that neither they nor the parsed
 * graph outlive the model build (the message itself stays referenced until the job ends).
 */
function parseOnce(message: Extract<ReportJobMessage, { kind: 'job' }>): ReportSource {
  const bytes = message.sourceJson;
  message.sourceJson = new Uint8Array(0);
  return JSON.parse(new TextDecoder().decode(bytes)) as ReportSource;
}

/** Piscina worker entry. */
export default async function reportJobWorker(message: ReportJobMessage) {
  if (message.kind === 'warm-up') return warmUpReportRenderers({ pdfThreads: message.pdfThreads, reports: message.reports });
  if (message.kind === 'release-parts') return releaseReportPartWorkers();
  const { format, pdfThreads, pdfPartCacheBytes } = message;
  // Before the model is built: its heap must not sit beside the part workers' (any format; the
  // runner asks for this before sending a large job too, but another job worker may have taken it).
  if (message.sourceJson.byteLength > LARGE_REPORT_SOURCE_BYTES) await releaseReportPartWorkers();
  const rendered = await runReportJob({ format, pdfThreads, pdfPartCacheBytes, source: () => parseOnce(message) });
  // Moved, not copied, to the calling thread (where the Buffer arrives as a plain Uint8Array).
  return withMovedBytes(rendered);
}
