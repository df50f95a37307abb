import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveLivornoSourcePath } from './test-source';

const DATASET = resolve(__dirname, '../../../data/livorno-dup-2020-2022');

describe('Livorno seed document', () => {
  it('is committed with the repository, byte for byte the document the dataset was generated from', () => {
    const [expected] = readFileSync(resolve(DATASET, 'source.sha256'), 'utf8').split(/\s+/);
    const committed = readFileSync(resolve(DATASET, 'source/003_01b8c9156a238ce3.txt'));
    expect(createHash('sha256').update(committed).digest('hex')).toBe(expected);
  });

  it('resolves to the override when LIVORNO_DUP_SOURCE is set, otherwise to an existing copy', () => {
    expect(resolveLivornoSourcePath({ LIVORNO_DUP_SOURCE: '/elsewhere/doc.txt' })).toBe('/elsewhere/doc.txt');
    const found = resolveLivornoSourcePath({});
    expect(found.endsWith('003_01b8c9156a238ce3.txt')).toBe(true);
    expect(readFileSync(found).length).toBeGreaterThan(500_000);
  });
});
