import { runReportJob, warmUpReportRenderers, withMovedBytes, type ReportFormat, type ReportSource } from '@dup/reporting/job';

/**
 * What the pool sends: a report job, or the warm-up a kept worker runs when it starts. The source
 * travels as JSON bytes (a transferred buffer): neither thread keeps a copy of its object graph
 * while the other renders, which matters for large plans.
 */
export type ReportJobMessage = { kind: 'job'; format: ReportFormat; sourceJson: Uint8Array; pdfThreads: number; pdfPartCacheBytes?: number } | { kind: 'warm-up' };

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
  if (message.kind === 'warm-up') return warmUpReportRenderers();
  const { format, pdfThreads, pdfPartCacheBytes } = message;
  const rendered = await runReportJob({ format, pdfThreads, pdfPartCacheBytes, source: () => parseOnce(message) });
  // Moved, not copied, to the calling thread (where the Buffer arrives as a plain Uint8Array).
  return withMovedBytes(rendered);
}
