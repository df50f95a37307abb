import { importLivornoDup } from './import-livorno';
import { parseItalianAmount, parseSpending } from './spending-parser';
import { livornoSourceText } from './test-source';

const HEADER = 'Descrizione Missione\tDescrizione Programma\tAssestato (A)\tImpegnato (B)\tLiquid. CP (C)\tRS Pass. (D)\tLiquid. RS (E)\t(B/A)\t(C/B)\t(E/D)';
const TABLE = [
  HEADER,
  '1-Servizi\t01-Organi istituzionali\t100,00\t50,00\t25,00\t0,00\t0,00\t50,00%\t50,00%\t0,00%',
  '\t02-Segreteria generale\t300,00\t100,00\t0,00\t10,00\t3,33\t33,33%\t0,00%\t33,30%',
  '<b>Totale Missione 1</b>\t\t<b>400,00</b>\t<b>150,00</b>\t<b>25,00</b>\t<b>10,00</b>\t<b>3,33</b>\t<b>37,50%</b>\t<b>16,67%</b>\t<b>33,30%</b>',
  '<b>Totale generale</b>\t\t<b>400,00</b>\t<b>150,00</b>\t<b>25,00</b>\t<b>10,00</b>\t<b>3,33</b>\t<b>37,50%</b>\t<b>16,67%</b>\t<b>33,30%</b>',
];

describe('spending table', () => {
  it('parses Italian amounts strictly', () => {
    expect(parseItalianAmount('4.199.059,32', 1).toFixed(2)).toBe('4199059.32');
    expect(parseItalianAmount('<b>0,01</b>', 1).toFixed(2)).toBe('0.01');
    expect(() => parseItalianAmount('4.199.059.32', 1)).toThrow(/not an amount/);
    expect(() => parseItalianAmount('40.8222,00', 1)).toThrow(/not an amount/);
  });

  it('keeps programme rows only and checks totals and ratios', () => {
    const { rows, check } = parseSpending(TABLE, 1, '2020-06-30');
    expect(rows.map((r) => [r.mission, r.programme, r.assestato, r.liquidatoResidui])).toEqual([
      ['01', '01', '100.00', '0.00'],
      ['01', '02', '300.00', '3.33'],
    ]);
    expect(check).toMatchObject({ programmeRows: 2, missionTotals: 1, ratiosChecked: 12, zeroDenominatorRatios: 1 });
  });

  it('fails on a total that is not the sum of its rows', () => {
    const bad = TABLE.map((l) => l.replace('<b>Totale Missione 1</b>\t\t<b>400,00</b>', '<b>Totale Missione 1</b>\t\t<b>400,01</b>'));
    expect(() => parseSpending(bad, 1, '2020-06-30')).toThrow(/Totale Missione 1.*assestato 400\.01 but the rows sum to 400\.00/);
  });

  it('fails on a ratio that does not round half-up from the amounts', () => {
    const bad = TABLE.map((l) => l.replace('\t33,33%\t0,00%\t33,30%', '\t33,34%\t0,00%\t33,30%'));
    expect(() => parseSpending(bad, 1, '2020-06-30')).toThrow(/printed B\/A 33\.34% but the amounts give 33\.33%/);
  });

  it('makes the whole import fail loudly when an amount of the real document is corrupted', () => {
    const source = livornoSourceText();
    expect(source).toContain('\t01-Organi istituzionali\t4.199.059,32\t');
    const corrupted = source.replace('\t01-Organi istituzionali\t4.199.059,32\t', '\t01-Organi istituzionali\t4.199.059,23\t');
    // The ratio still rounds to 29,66%: it is the mission total that exposes the corruption.
    expect(() => importLivornoDup(corrupted)).toThrow(/Line 5038 \(Totale Missione 1\): printed assestato 49037904\.18 but the rows sum to 49037904\.09/);
  });

  it('makes the import fail when a mission total of the real document is corrupted', () => {
    const corrupted = livornoSourceText().replace('<b>Totale Missione 3</b>\t\t<b>10.148.898,27</b>', '<b>Totale Missione 3</b>\t\t<b>10.148.898,72</b>');
    expect(() => importLivornoDup(corrupted)).toThrow(/Totale Missione 3/);
  });
});
