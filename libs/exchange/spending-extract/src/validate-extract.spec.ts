import { parseAmount } from './italian-amount';
import { readExtractFile, type RawCell, type RawTable } from './read-extract-file';
import { validateExtract, type Catalogue } from './validate-extract';

const CATALOGUE: Catalogue = {
  programmes: new Map([
    ['01.01', { missionName: 'Servizi istituzionali, generali e di gestione', programmeName: 'Organi istituzionali' }],
    ['01.06', { missionName: 'Servizi istituzionali, generali e di gestione', programmeName: 'Ufficio tecnico' }],
    ['12.01', { missionName: 'Diritti sociali, politiche sociali e famiglia', programmeName: 'Interventi per l’infanzia e i minori e per asili nido' }],
  ]),
};

const HEADER = [
  'Codice missione',
  'Missione',
  'Codice programma',
  'Programma',
  'Assestato (A)',
  'Impegnato (B)',
  'Liquidato competenza (C)',
  'Residui passivi (D)',
  'Liquidato residui (E)',
];
const GOOD = ['01', 'Servizi', '06', 'Ufficio tecnico', '1.234.567,89', '1.000.000,00', '500.000,50', '20.000,00', '10.000,00'];

const table = (...rows: RawCell[][]): RawTable => ({ format: 'csv', rows: [HEADER, ...rows].map((cells, i) => ({ rowNumber: i + 1, cells })) });
const withCell = (column: number, value: RawCell) => GOOD.map((c, i) => (i === column ? value : c));

describe('parseAmount', () => {
  it.each([
    ['1.234.567,89', '1234567.89'],
    ['1234567,89', '1234567.89'],
    ['0', '0.00'],
    ['€ 1.234,5', '1234.50'],
    ['12.345', '12345.00'],
    [1234567.89, '1234567.89'],
    [0.1, '0.10'],
    ['9.999.999.999.999,99', '9999999999999.99'],
  ])('reads %p as %s', (raw, expected) => expect(parseAmount(raw)).toEqual({ ok: true, value: expected }));

  it.each([
    ['', 'AMOUNT_MISSING'],
    [null, 'AMOUNT_MISSING'],
    ['1,234.56', 'AMOUNT_INVALID'],
    ['1234.56', 'AMOUNT_INVALID'],
    ['12.34,00', 'AMOUNT_INVALID'],
    ['dodici', 'AMOUNT_INVALID'],
    ['-5,00', 'AMOUNT_NEGATIVE'],
    [-0.01, 'AMOUNT_NEGATIVE'],
    ['1,234', 'AMOUNT_TOO_PRECISE'],
    [0.125, 'AMOUNT_TOO_PRECISE'],
    ['10.000.000.000.000,00', 'AMOUNT_TOO_LARGE'],
  ])('refuses %p with %s', (raw, code) => expect(parseAmount(raw)).toEqual({ ok: false, code }));
});

describe('validateExtract', () => {
  it('accepts a good row, normalising codes and amounts to exact decimals', () => {
    const result = validateExtract(table(GOOD, ['1', '', '0101', '', '10', '5', '0', '0,00', '0']), CATALOGUE);
    expect(result.problems).toEqual([]);
    expect(result.figures).toEqual([
      {
        row: 2,
        programmeId: '01.06',
        amounts: {
          assestato: '1234567.89',
          impegnato: '1000000.00',
          liquidatoCompetenza: '500000.50',
          residuiPassivi: '20000.00',
          liquidatoResidui: '10000.00',
        },
      },
      {
        row: 3,
        programmeId: '01.01',
        amounts: { assestato: '10.00', impegnato: '5.00', liquidatoCompetenza: '0.00', residuiPassivi: '0.00', liquidatoResidui: '0.00' },
      },
    ]);
  });

  it('skips blank lines and catalogue programmes left without figures', () => {
    const result = validateExtract(table(GOOD, ['12', 'Diritti sociali', '01', 'Infanzia', null, null, null, null, null], [null, null, null]), CATALOGUE);
    expect(result.problems).toEqual([]);
    expect(result.figures.map((f) => f.programmeId)).toEqual(['01.06']);
  });

  it.each([
    { cells: withCell(4, '12,345'), column: 'E', field: 'Assestato (A)', code: 'AMOUNT_TOO_PRECISE' },
    { cells: withCell(5, '1.000.000.00'), column: 'F', field: 'Impegnato (B)', code: 'AMOUNT_INVALID' },
    { cells: withCell(6, '-1,00'), column: 'G', field: 'Liquidato competenza (C)', code: 'AMOUNT_NEGATIVE' },
    { cells: withCell(7, null), column: 'H', field: 'Residui passivi (D)', code: 'AMOUNT_MISSING' },
    { cells: withCell(8, { formula: 'SUM(A1:A2)' }), column: 'I', field: 'Liquidato residui (E)', code: 'CELL_FORMULA' },
    { cells: withCell(0, 'AB'), column: 'A', field: 'Codice missione', code: 'CODE_INVALID' },
    { cells: withCell(0, null), column: 'A', field: 'Codice missione', code: 'CODE_MISSING' },
    { cells: withCell(2, '6a'), column: 'C', field: 'Codice programma', code: 'CODE_INVALID' },
    { cells: withCell(2, '12.06'), column: 'C', field: 'Codice programma', code: 'CODE_MISMATCH' },
    { cells: withCell(2, '99'), column: 'C', field: 'Codice programma', code: 'PROGRAMME_UNKNOWN' },
    { cells: withCell(0, '17'), column: 'A', field: 'Codice missione', code: 'MISSION_UNKNOWN' },
  ])('row 3, column $column: $code', ({ cells, column, field, code }) => {
    const result = validateExtract(
      table(
        GOOD.map((c, i) => (i === 2 ? '01' : c)),
        cells,
      ),
      CATALOGUE,
    );
    expect(result.figures).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 3, column, field, code });
    expect(result.problems[0].message).toMatch(/[a-zà-ù]/);
  });

  it('reports a programme given twice, pointing to its first row', () => {
    const result = validateExtract(table(GOOD, GOOD, withCell(2, '0106')), CATALOGUE);
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'C', 'PROGRAMME_DUPLICATE'],
      [4, 'C', 'PROGRAMME_DUPLICATE'],
    ]);
    expect(result.problems[0].message).toBe('Il programma 01.06 compare già alla riga 2: ogni programma va indicato una sola volta.');
  });

  it('lists every problem of every row at once, and returns no figures', () => {
    const result = validateExtract(
      table(
        withCell(4, 'x'),
        GOOD.map((c, i) => (i === 2 ? '01' : i === 5 ? '-3' : c)),
      ),
      CATALOGUE,
    );
    expect(result.problems.map((p) => `${p.row}${p.column}:${p.code}`)).toEqual(['2E:AMOUNT_INVALID', '3F:AMOUNT_NEGATIVE']);
    expect(result.figures).toEqual([]);
  });

  it('finds columns by heading in any order, and names a missing one', () => {
    const reordered: RawTable = {
      format: 'csv',
      rows: [
        {
          rowNumber: 1,
          cells: ['Impegnato', 'Codice programma', 'Codice missione', 'Assestato', 'Liquidato competenza', 'Residui passivi', 'Liquidato residui'],
        },
        { rowNumber: 2, cells: ['5', '6', '1', '10', '1', '0', '0'] },
      ],
    };
    expect(validateExtract(reordered, CATALOGUE).figures[0]).toMatchObject({ programmeId: '01.06', amounts: { assestato: '10.00', impegnato: '5.00' } });
    const missing: RawTable = { format: 'csv', rows: [{ rowNumber: 1, cells: HEADER.filter((h) => h !== 'Impegnato (B)') }] };
    expect(validateExtract(missing, CATALOGUE).problems).toEqual([
      {
        row: 1,
        column: null,
        field: 'Impegnato (B)',
        code: 'HEADER_MISSING',
        message: 'Manca la colonna "Impegnato (B)" nella riga di intestazione: usare il modello scaricato dal servizio.',
      },
    ]);
  });

  it('refuses a file without figures', () => {
    expect(validateExtract(table(), CATALOGUE).problems.map((p) => p.code)).toEqual(['FILE_EMPTY']);
  });
});

describe('readExtractFile', () => {
  const csv = (text: string) => Buffer.from(text, 'utf8');

  it('reads a semicolon CSV with and without BOM, keeping row numbers', async () => {
    const text = `${HEADER.join(';')}\r\n\r\n${GOOD.join(';')}\r\n`;
    for (const bytes of [csv(text), csv(`\ufeff${text}`)]) {
      const table = await readExtractFile(bytes);
      expect(table.format).toBe('csv');
      expect(table.rows.map((r) => r.rowNumber)).toEqual([1, 3]);
      expect(table.rows[0].cells[0]).toBe('Codice missione');
      expect(table.rows[1].cells[4]).toBe('1.234.567,89');
    }
  });

  it.each([
    ['an empty file', 'FILE_EMPTY', Buffer.alloc(0)],
    ['a binary file', 'FILE_UNREADABLE', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01])],
    ['a Latin-1 text', 'FILE_UNREADABLE', Buffer.from('Codice missione;Attività\n01;\xe0\n', 'latin1')],
    ['a broken zip', 'FILE_UNREADABLE', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)])],
  ])('refuses %s with %s', async (_, code, bytes) => {
    await expect(readExtractFile(bytes)).rejects.toMatchObject({ code });
  });
});
