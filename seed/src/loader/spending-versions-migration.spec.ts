import { spendingFiguresSha256 } from '@dup/domain';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { loadDataset, readShippedDataset } from '../index';

const MIGRATION = 'Migration20261204185844_SpendingExtractVersions';

/** The migration to versioned spending keeps every figure: the rows already there become version 1. */
describe(MIGRATION, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDataset(db.orm, readShippedDataset('livorno-dup-2020-2022'));
  });
  afterAll(() => db?.drop());

  it('turns the rows of a period into its version 1, amounts unchanged, and back', async () => {
    const conn = db.orm.em.getConnection();
    const figures = `select p.cutoff_date::text as period, r.programme_id, r.assestato::text, r.impegnato::text, r.liquidato_competenza::text, r.residui_passivi::text, r.liquidato_residui::text
      from spending_row r join spending_extract x on x.id = r.extract_id join reporting_period p on p.id = x.period_id order by 1, 2`;
    const before = await conn.execute(figures);
    expect(before).toHaveLength(58);

    await db.orm.migrator.down({ migrations: [MIGRATION] });
    const flat = await conn.execute(`select count(*)::int as n from spending_row where period_id is not null`);
    expect(flat[0].n).toBe(58);

    await db.orm.migrator.up({ migrations: [MIGRATION] });
    expect(await conn.execute(figures)).toEqual(before);
    const [extract] = await conn.execute(`select version, loaded_by, file_name, row_count, sha256 from spending_extract`);
    expect(extract).toMatchObject({ version: 1, loaded_by: 'migrazione', file_name: 'dati iniziali', row_count: 58 });
    // The same fingerprint the seed loader gives a load without a file.
    const rows = before as unknown as Record<string, string>[];
    const amounts = (r: Record<string, string>) => ({
      assestato: r['assestato'],
      impegnato: r['impegnato'],
      liquidatoCompetenza: r['liquidato_competenza'],
      residuiPassivi: r['residui_passivi'],
      liquidatoResidui: r['liquidato_residui'],
    });
    expect(extract.sha256).toBe(spendingFiguresSha256(rows.map((r) => ({ programmeId: r['programme_id'], amounts: amounts(r) }))));
  });
});
