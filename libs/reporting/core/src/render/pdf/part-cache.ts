import { createHash } from 'node:crypto';
import type { PdfPartResult, PdfPartRunner, PdfPartTask } from './pdf-parts';

/**
 * Rendered PDF parts kept by the thread that assembles reports, keyed by a digest of the part's
 * task (its slice of the model and its index), bounded by total bytes, least recently used evicted.
 *
 * Why: a planning office regenerates the report after every round of edits, and an edit touches a
 * few goals. The report cache (delivery) only serves identical data; here, the parts whose content
 * did not change are reused and only the edited ones are laid out again. A part's bytes depend on
 * nothing but its task and the renderer (running header, page numbers, SOMMARIO numbers, links and
 * outline are added when the parts are assembled), so a reused part yields the very same file.
 * The renderer (code, fonts, style) is fixed for the life of a thread, and so is this cache.
 */
export class PdfPartCache {
  private readonly entries = new Map<string, PdfPartResult>();
  private bytes = 0;
  private hitCount = 0;
  private missCount = 0;

  constructor(private maxBytes: number) {}

  /** Bytes of part PDFs held. */
  get size(): number {
    return this.bytes;
  }

  get stats(): { hits: number; misses: number; parts: number; bytes: number } {
    return { hits: this.hitCount, misses: this.missCount, parts: this.entries.size, bytes: this.bytes };
  }

  /** Changes the bound (0 empties the cache and keeps nothing). */
  resize(maxBytes: number): void {
    this.maxBytes = Math.max(0, maxBytes);
    this.evict();
  }

  static keyOf(task: PdfPartTask): string {
    return createHash('sha256').update(JSON.stringify(task)).digest('base64');
  }

  get(key: string): PdfPartResult | undefined {
    const hit = this.entries.get(key);
    if (!hit) {
      this.missCount++;
      return undefined;
    }
    this.hitCount++;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, part: PdfPartResult): void {
    const size = part.bytes.byteLength;
    if (size > this.maxBytes || this.entries.has(key)) return;
    this.entries.set(key, part);
    this.bytes += size;
    this.evict();
  }

  private evict(): void {
    for (const [key, part] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.bytes -= part.bytes.byteLength;
    }
  }
}

/**
 * `runner`, except that parts found in `cache` are not rendered again, and rendered parts are
 * kept there. The assembler only reads a part's bytes, so a kept part can be assembled again.
 */
export function cachingPartRunner(runner: PdfPartRunner, cache: PdfPartCache): PdfPartRunner {
  return {
    parallelism: runner.parallelism,
    async run(task: PdfPartTask): Promise<PdfPartResult> {
      const key = PdfPartCache.keyOf(task);
      const kept = cache.get(key);
      if (kept) return { ...kept, renderMs: 0 };
      const rendered = await runner.run(task);
      cache.set(key, rendered);
      return rendered;
    },
  };
}
