import { WordTable } from './word-table';

const entry = (text: string) => ({ text, n: text.length });

describe('WordTable (word-run cache)', () => {
  it('finds every word it holds, by content, and nothing else', () => {
    const table = new WordTable<ReturnType<typeof entry>>(1000);
    const words = Array.from({ length: 900 }, (_, i) => `parola${i}`).concat(['', 'è', 'città', '€', 'L’A.C.', '\u{1F600}', 'a b']);
    for (const w of words) table.add(entry(w));
    expect(table.size).toBe(words.length);
    for (const w of words) {
      // A fresh string with the same content, as cut from another paragraph.
      const probe = `#${w}`.slice(1);
      expect(table.get(probe)?.text).toBe(w);
    }
    for (const w of ['parola900', 'Parola1', 'parola1 ', 'citta', 'e', 'x']) expect(table.get(w)).toBeUndefined();
  });

  it('finds words that share a starting slot by probing past each other', () => {
    // A small table (32 slots): with 16 words, many share a starting slot and are found by probing.
    const table = new WordTable<ReturnType<typeof entry>>(16);
    const words = Array.from({ length: 16 }, (_, i) => String.fromCharCode(97 + i).repeat(1 + (i % 3)));
    for (const w of words) table.add(entry(w));
    for (const w of words) expect(table.get(w)?.text).toBe(w);
    expect(table.get('zz')).toBeUndefined();
  });

  it('is emptied when full before the next word is added', () => {
    const table = new WordTable<ReturnType<typeof entry>>(4);
    for (const w of ['a', 'b', 'c', 'd']) table.add(entry(w));
    expect(table.size).toBe(4);
    table.add(entry('e'));
    expect(table.size).toBe(1);
    expect(table.get('a')).toBeUndefined();
    expect(table.get('e')?.text).toBe('e');
  });
});
