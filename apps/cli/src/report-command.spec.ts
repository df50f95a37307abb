import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset, readShippedDataset } from '@dup/seed';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { reportCommand } from './report-command';

describe('npm run report (reportCommand)', () => {
  let db: TestDatabase;
  let out: string;
  let printed: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDataset(db.orm, readShippedDataset('livorno-dup-2020-2022'));
  });
  afterAll(() => db?.drop());
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'dup-cli-report-'));
    printed = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(out, { recursive: true, force: true });
  });

  const run = (...args: string[]) => reportCommand(db.orm, args);

  it('writes the report with a meaningful file name and prints its progress', async () => {
    await run('--edition', '2020-2022', '--period', '2020-06-30', '--format', 'html', '--out', out);
    expect(readdirSync(out)).toEqual(['DUP-2020-2022_stato-attuazione_2020-06-30.html']);
    expect(readFileSync(join(out, 'DUP-2020-2022_stato-attuazione_2020-06-30.html'), 'utf8')).toContain('<html lang="it"');
    const log = printed.join('');
    expect(log).toMatch(/Lettura dei dati: Comune di Livorno, DUP 2020-2022, periodo 2020-06-30/);
    expect(log).toMatch(/Generazione HTML…/);
    expect(log).toMatch(/Rapporto generato in \d+ ms\./);
  });

  it.each([
    [['--period', '2020-06-30'], /^Indicare --edition e --period\.\nUso:/],
    [['--edition', '2020-2022', '--period', '30/06/2020'], /^Periodo "30\/06\/2020" non valido: indicare la scadenza come AAAA-MM-GG/],
    [['--edition', '2020-2022', '--period', '2020-06-30', '--format', 'pdf,docx'], /^Formato "docx" non disponibile: usare pdf, xlsx o html\./],
    [['--edition', '2020-2022', '--period', '2020-06-30', '--ente', '999999'], /^Nessun ente con codice ISTAT 999999\./],
    [['--edition', '2020-2022', '--period', '2020-06-30', '--formato', 'pdf'], /^Opzione sconosciuta: --formato\.\nUso:/],
    [['--edition', '2020-2022', '--period'], /^Manca il valore dell'opzione --period\.\nUso:/],
    [['--edition', '2020-2022', '--period', '2020-06-30', 'pdf'], /^Argomento non previsto: pdf\.\nUso:/],
    [['--edition', '2019-2021', '--period', '2020-06-30', '--format', 'html'], /^Edizione del DUP "2019-2021" non trovata\./],
    [['--edition', '2020-2022', '--period', '2020-09-30', '--format', 'html'], /^Periodo 2020-09-30 non presente nell'edizione 2020-2022/],
    [['--edition', '2020-2022', '--period', '2020-06-30', '--ambito', 'linea-99', '--format', 'html'], /^La linea di mandato 99 non esiste in questa edizione\./],
    [['--edition', '2020-2022', '--period', '2020-06-30', '--ambito', 'settore-NESSUNO', '--format', 'html'], /^Il settore NESSUNO non esiste\./],
  ])('refuses %j with an Italian message and writes nothing', async (args, message) => {
    await expect(run(...args, '--out', join(out, 'x'))).rejects.toThrow(message);
    expect(readdirSync(out)).toEqual([]);
  });
});
