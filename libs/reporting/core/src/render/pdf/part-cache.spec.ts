import { cachingPartRunner, PdfPartCache } from './part-cache';
import type { PdfPartResult, PdfPartTask } from './pdf-parts';

const task = (index: number, text: string): PdfPartTask => ({
  kind: 'body',
  index,
  items: [{ t: 'head', anchor: true, section: { id: `s${index}`, kind: 'mandateLine', title: 'Linea', pageBreakBefore: true, blocks: [{ kind: 'paragraph', role: 'body', content: [{ text }] }] } }],
});
const part = (index: number, size: number): PdfPartResult => ({ index, bytes: new Uint8Array(size).fill(index), pageCount: 1, anchors: {}, tocEntries: {}, stamps: [], renderMs: 5 });

describe('PdfPartCache', () => {
  it('keys a part by its content and its index', () => {
    const key = PdfPartCache.keyOf(task(1, 'testo'));
    expect(PdfPartCache.keyOf(task(1, 'testo'))).toBe(key);
    expect(PdfPartCache.keyOf(task(1, 'testo modificato'))).not.toBe(key);
    // The index changes the part's bytes (its font subsets are named after it).
    expect(PdfPartCache.keyOf(task(2, 'testo'))).not.toBe(key);
  });

  it('keeps parts up to its byte bound, dropping the least recently used first', () => {
    const cache = new PdfPartCache(100);
    cache.set('a', part(1, 40));
    cache.set('b', part(2, 40));
    expect(cache.get('a')?.index).toBe(1); // now most recently used
    cache.set('c', part(3, 40));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.index).toBe(1);
    expect(cache.get('c')?.index).toBe(3);
    expect(cache.size).toBe(80);
    // A part larger than the bound is not kept, and evicts nothing.
    cache.set('d', part(4, 101));
    expect(cache.get('d')).toBeUndefined();
    expect(cache.stats).toEqual({ hits: 3, misses: 2, parts: 2, bytes: 80 });
    cache.resize(50);
    expect(cache.stats.parts).toBe(1);
    cache.resize(0);
    expect(cache.size).toBe(0);
  });

  it('renders only the parts it does not hold', async () => {
    const rendered: number[] = [];
    const runner = { parallelism: 2, run: async (t: PdfPartTask) => (rendered.push(t.index), part(t.index, 10)) };
    const caching = cachingPartRunner(runner, new PdfPartCache(1000));
    expect(caching.parallelism).toBe(2);
    await caching.run(task(1, 'uno'));
    await caching.run(task(2, 'due'));
    const again = await caching.run(task(1, 'uno'));
    await caching.run(task(2, 'due, modificato'));
    expect(rendered).toEqual([1, 2, 2]);
    // A reused part reports no render time of its own, and the same bytes.
    expect(again.renderMs).toBe(0);
    expect(Array.from(again.bytes.subarray(0, 3))).toEqual([1, 1, 1]);
  });
});
