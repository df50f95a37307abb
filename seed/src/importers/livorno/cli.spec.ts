import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readPlanDataset, runLivornoImport } from './cli';
import { LIVORNO_SOURCE_PATH, livornoImport } from './test-source';

const COMMITTED = resolve(__dirname, '../../../data/livorno-dup-2020-2022');

describe('Livorno dataset files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'livorno-dup-'));
    await runLivornoImport(LIVORNO_SOURCE_PATH, dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the split JSON files, the notes and the checksum', () => {
    expect(readdirSync(dir).sort()).toEqual([
      'NOTES.md', 'council-sessions.json', 'goals.json', 'indicators.json', 'objectives.json', 'plan.json', 'report-texts.json', 'results.json', 'source.sha256', 'spending.json', 'statuses.json',
    ]);
    const plan = readFileSync(join(dir, 'plan.json'), 'utf8');
    expect(plan.endsWith('}\n')).toBe(true);
    expect(plan.split('\n')[1]).toBe('  "formatVersion": 1,');
    expect(readFileSync(join(dir, 'source.sha256'), 'utf8')).toBe(`${livornoImport().dataset.source.sha256}  003_01b8c9156a238ce3.txt\n`);
    const notes = readFileSync(join(dir, 'NOTES.md'), 'utf8');
    for (const topic of ['Capofila rule', '9.02.21 reading', '1.02.02', '7.01.01 F2', 'Title alias', 'also printed as', 'Spending:']) {
      expect(notes).toContain(topic);
    }
  });

  it('reassembles into the imported dataset', () => {
    expect(readPlanDataset(dir)).toEqual(livornoImport().dataset);
  });

  it('matches the committed dataset (regenerate with the CLI when this fails)', () => {
    for (const file of readdirSync(dir)) {
      expect(`${file}\n${readFileSync(join(COMMITTED, file), 'utf8')}`).toBe(`${file}\n${readFileSync(join(dir, file), 'utf8')}`);
    }
  });
});
