import { runReportJob, warmUpReportRenderers, type ReportFormat } from '@dup/reporting';

/**
 * What the pool sends: a report job, or the warm-up a kept worker runs when it starts. The source
 * travels as JSON bytes (a transferred buffer): neither thread keeps a copy of its object graph
 * while the other renders, which matters for large plans.
 */
export type ReportJobMessage = { kind: 'job'; format: ReportFormat; sourceJson: Uint8Array; pdfThreads: number } | { kind: 'warm-up' };

/** Piscina worker entry. */
export default async function reportJobWorker(message: ReportJobMessage) {
  if (message.kind === 'warm-up') return warmUpReportRenderers();
  const { format, pdfThreads } = message;
  const source = JSON.parse(new TextDecoder().decode(message.sourceJson));
  const rendered = await runReportJob({ source, format, pdfThreads });
  // Buffers lose their prototype in structured clone; send a transferable ArrayBuffer-backed view.
  return { ...rendered, bytes: new Uint8Array(rendered.bytes.buffer, rendered.bytes.byteOffset, rendered.bytes.byteLength) };
}
