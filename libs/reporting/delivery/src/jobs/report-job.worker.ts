import { runReportJob, type ReportJob } from '@dup/reporting';

/** Piscina worker entry: one report job per task. */
export default async function reportJobWorker(job: ReportJob) {
  const rendered = await runReportJob(job);
  // Buffers lose their prototype in structured clone; send a transferable ArrayBuffer-backed view.
  return { ...rendered, bytes: new Uint8Array(rendered.bytes.buffer, rendered.bytes.byteOffset, rendered.bytes.byteLength) };
}
