import { writeFileSync } from 'node:fs';
import { Workbook } from 'exceljs';
import type { ReportModel } from '../model/report-model';
import { renderHtml } from './html/render-html';
import { loadLivornoModel } from './html/test-fixtures/livorno';
import { renderPdf } from './pdf/render-pdf';
import { inspectPdf, squash } from './pdf/test-fixtures/pdf-inspect';
import { renderXlsx } from './xlsx/render-xlsx';

/**
 * The opening section of an approved period (the council's deliberation) in the three
 * renditions, on Livorno's golden model cut to the opening section and chapter 2 (quick to lay out).
 */
describe('opening section: the deliberation of the council (Livorno CC 195/2020)', () => {
  const full = loadLivornoModel();
  const model: ReportModel = { ...full, chapters: full.chapters.filter((c) => c.id === 'deliberazione' || c.id === 'cap-2') };

  it('the golden model opens with it', () => {
    expect(full.chapters[0].id).toBe('deliberazione');
    expect(full.datasets.deliberation?.rows).toHaveLength(33);
  });

  it('is printed first in the PDF, in the SOMMARIO, with the votes, the names and the signatures', async () => {
    const pdf = await renderPdf(model);
    if (process.env['COUNCIL_PDF_OUT']) writeFileSync(process.env['COUNCIL_PDF_OUT'], pdf.bytes);
    const inspected = await inspectPdf(pdf.bytes);
    const all = squash(inspected.pages.join('\n'));
    expect(inspected.outline[0].title).toBe('Deliberazione del Consiglio Comunale n. 195 del 13/11/2020');
    const body = inspected.pages.slice(2).join('\n');
    for (const text of [
      'Oggetto: DUP 2020-2022 - STATO DI ATTUAZIONE AL 30/06/2020: APPROVAZIONE',
      'Totale presenti: 30 (3 in aula consiliare, 27 in videoconferenza). Totale assenti: 3 (TORNAR DANIELE, CORNIGLIA MARINA, GHIOZZI CARLO).',
      'Totale votanti: 29 – Favorevoli: 18 – Contrari: 11 – Astenuti: 1',
      'Astenuti: CARUSO PIETRO',
      'Totale votanti: 30 – Favorevoli: 19 – Contrari: 11 – Astenuti: 0',
      'Il Segretario Generale: Maria Luisa Massai',
      'SALVETTI LUCA (Sindaco) Presente in videoconferenza Favorevole Favorevole',
    ]) {
      expect(squash(body)).toContain(squash(text));
    }
    // It comes before chapter 2.
    expect(all.indexOf(squash('Il Presidente del Consiglio: Pietro Caruso'))).toBeLessThan(all.lastIndexOf(squash('SISTEMA DEI CONTROLLI INTERNI')));
  });

  it('is the first section of the HTML, with the roll-call table', () => {
    const html = renderHtml(model);
    const opening = html.indexOf('id="deliberazione"');
    expect(opening).toBeGreaterThan(0);
    expect(opening).toBeLessThan(html.indexOf('id="cap-2"'));
    expect(html).toContain('Totale votanti: 29 – Favorevoli: 18 – Contrari: 11 – Astenuti: 1');
    expect(html).toContain('<th scope="col">Voto sulla immediata eseguibilità</th>');
  });

  it('is the first sheet of the workbook: one row per member and the totals as notes', async () => {
    const wb = new Workbook();
    await wb.xlsx.load((await renderXlsx(model)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Deliberazione', 'Sintesi', 'Obiettivi', 'Finalità', 'Indicatori', 'Spese']);
    const ws = wb.getWorksheet('Deliberazione')!;
    expect(ws.getRow(2).values).toEqual([undefined, 'N.', 'Consigliere', 'Presenza', 'Voto sulla deliberazione', 'Voto sulla immediata eseguibilità']);
    expect(ws.getRow(4).values).toEqual([undefined, 2, 'CARUSO PIETRO (Presidente del Consiglio)', 'Presente in aula consiliare', 'Astenuto', 'Favorevole']);
    expect(ws.getRow(35).values).toEqual([undefined, 33, 'TROTTA AURORA', 'Presente in videoconferenza', 'Contrario', 'Contrario']);
    const notes = [37, 38, 39].map((r) => String(ws.getCell(r, 1).value));
    expect(notes[1]).toBe(
      '1. Votazione della deliberazione: Totale votanti: 29 – Favorevoli: 18 – Contrari: 11 – Astenuti: 1 (astenuti: CARUSO PIETRO). Esito: approvata.',
    );
    expect(notes[2]).toContain('Totale votanti: 30 – Favorevoli: 19 – Contrari: 11 – Astenuti: 0');
  });
});
