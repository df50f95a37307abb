/**
 * A bounded table of values keyed by their own `text`, for the word-run cache of the PDF fast
 * path: every measured word is looked up once (about 130 000 lookups for Livorno's report,
 * 1.3 million for a plan ten times larger), and nearly every lookup hits.
 *
 * Why not a Map: a word is a fresh string cut from its paragraph, and `Map.prototype.get` has V8
 * compute and store the hash of each fresh string outside optimised code, which made the lookup
 * cost about 300 ns, most of the cache's time. Here the hash is computed in JavaScript (FNV-1a over
 * the UTF-16 code units, inlined by the JIT), slots are open-addressed with linear probing, and a
 * candidate is compared only when its stored hash matches.
 *
 * Bounded: when `maxSize` values are held, the table is emptied before the next one is added (a
 * thread's vocabulary has no limit; refilling costs far less than a growing table).
 */
export class WordTable<T extends { readonly text: string }> {
  private readonly hashes: Int32Array;
  private readonly values: (T | undefined)[];
  private readonly mask: number;
  private count = 0;

  constructor(readonly maxSize: number) {
    // A load factor of at most 0.5 keeps probe sequences short.
    let capacity = 16;
    while (capacity < maxSize * 2) capacity *= 2;
    this.hashes = new Int32Array(capacity);
    this.values = new Array<T | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  get(text: string): T | undefined {
    const hash = hashOf(text);
    const { hashes, values, mask } = this;
    // The hashes alone tell an empty slot (0) and most mismatches: the values are read only on a
    // hash match (each read is a likely cache miss).
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const h = hashes[i];
      if (h === 0) return undefined;
      if (h === hash) {
        const value = values[i] as T;
        if (value.text === text) return value;
      }
    }
  }

  /** Adds `value` under its text (which must not be in the table yet). */
  add(value: T): void {
    if (this.count >= this.maxSize) this.clear();
    const hash = hashOf(value.text);
    const { hashes, values, mask } = this;
    let i = hash & mask;
    while (hashes[i] !== 0) i = (i + 1) & mask;
    hashes[i] = hash;
    values[i] = value;
    this.count++;
  }

  clear(): void {
    this.hashes.fill(0);
    this.values.fill(undefined);
    this.count = 0;
  }
}

/** FNV-1a over the string's UTF-16 code units; never 0 (the mark of an empty slot). */
function hashOf(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h || 1;
}
