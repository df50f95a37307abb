import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditEntry, PeriodKind, PeriodState, PlanEdition, ReportingPeriod, SpendingExtract } from '@dup/domain';
import { loadDataset, readShippedDataset } from '@dup/seed';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { spendingCommand } from './spending-command';

describe('npm run cli -- spese:modello / spese:importa', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDataset(db.orm, readShippedDataset('livorno-dup-2020-2022'));
    const em = db.orm.em.fork();
    const edition = await em.findOneOrFail(PlanEdition, { code: '2020-2022' });
    em.create(ReportingPeriod, { ente: edition.ente, edition, cutoffDate: '2020-12-31', kind: PeriodKind.YEAR_END, state: PeriodState.OPEN });
    await em.flush();
    dir = mkdtempSync(join(tmpdir(), 'dup-cli-spese-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('writes the template with the figures, loads it into a new period once, and lists the problems of a wrong file', async () => {
    const csv = join(dir, 'spese.csv');
    expect(
      await spendingCommand(db.orm, 'spese:modello', ['--edition', '2020-2022', '--period', '2020-06-30', '--format', 'csv', '--importi', '--out', csv]),
    ).toEqual([`Modello scritto in ${csv}`]);
    const [loaded] = await spendingCommand(db.orm, 'spese:importa', ['--edition', '2020-2022', '--period', '2020-12-31', '--file', csv]);
    expect(loaded).toMatch(/^Spese caricate: versione 1, 58 programmi \(SHA-256 [0-9a-f]{64}\)\.$/);
    expect(await spendingCommand(db.orm, 'spese:importa', ['--edition', '2020-2022', '--period', '2020-12-31', '--file', csv])).toEqual([
      'Nessuna modifica: la versione 1 ha già questi importi.',
    ]);
    const em = db.orm.em.fork();
    expect(await em.count(SpendingExtract, { period: { cutoffDate: '2020-12-31' } })).toBe(1);
    const [audit] = await em.find(AuditEntry, { operation: 'LOAD_SPENDING_EXTRACT' });
    expect(audit).toMatchObject({ via: 'cli', entityType: 'SpendingExtract' });

    const wrong = join(dir, 'errato.csv');
    writeFileSync(wrong, readFileSync(csv, 'utf8').replace(/\r\n01;([^;]*);01;/, '\r\n01;$1;77;'));
    await expect(spendingCommand(db.orm, 'spese:importa', ['--edition', '2020-2022', '--period', '2020-12-31', '--file', wrong])).rejects.toThrow(
      /nessun dato è stato caricato[\s\S]*riga 2, colonna C \(Codice programma\): Il programma 01\.77 non è nel catalogo nazionale di Missioni e Programmi\. \[PROGRAMME_UNKNOWN\]/,
    );
    // The approved period is locked even for the same figures.
    await expect(spendingCommand(db.orm, 'spese:importa', ['--edition', '2020-2022', '--period', '2020-06-30', '--file', csv])).rejects.toThrow(
      'Il periodo al 30/06/2020 è approvato dal Consiglio: le sue spese non si possono più caricare.',
    );
  });
});
