/**
 * Rendered reports kept in memory, keyed by what they show (ente, edition, period, scope,
 * format and the plan data version), bounded by total bytes with least-recently-used eviction.
 * Identical requests that arrive while one is rendering share that rendering.
 */
export class ReportCache<R extends { bytes: Buffer }> {
  private readonly done = new Map<string, R>();
  private readonly pending = new Map<string, Promise<R>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The finished rendition under `key`, if kept (and marks it recently used). */
  peek(key: string): R | undefined {
    const hit = this.done.get(key);
    if (hit) {
      this.done.delete(key);
      this.done.set(key, hit);
    }
    return hit;
  }

  async get(key: string, render: () => Promise<R>): Promise<{ report: R; cached: boolean }> {
    const hit = this.peek(key);
    if (hit) return { report: hit, cached: true };
    const inFlight = this.pending.get(key);
    if (inFlight) return { report: await inFlight, cached: true };
    const promise = render();
    this.pending.set(key, promise);
    try {
      const report = await promise;
      this.store(key, report);
      return { report, cached: false };
    } finally {
      this.pending.delete(key);
    }
  }

  private store(key: string, report: R) {
    if (report.bytes.length > this.maxBytes) return;
    this.done.set(key, report);
    this.bytes += report.bytes.length;
    for (const [k, v] of this.done) {
      if (this.bytes <= this.maxBytes) break;
      this.done.delete(k);
      this.bytes -= v.bytes.length;
    }
  }
}
