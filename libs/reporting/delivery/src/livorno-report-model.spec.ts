import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, readShippedDataset } from '@dup/seed';
import { createTestDatabase, type TestDatabase } from '@dup/testing';
import { buildReport, type ReportModel, type Section, type Table } from '@dup/reporting';
import type { EntityManager } from '@mikro-orm/postgresql';
import * as E from '@dup/domain';
import { loadReportSource } from './load-report-source';

/**
 * Golden test of the report model for Livorno's 30/06/2020 status report. The golden file is
 * also the renderers' realistic fixture. Regenerate on purpose with UPDATE_GOLDEN=1 and review
 * the diff like code.
 */
const GOLDEN = join(__dirname, '../../core/test-fixtures/livorno-2020-06-30.model.json');
const NOW = new Date('2020-11-13T12:00:00.000Z');

function walk(sections: Section[], visit: (s: Section) => void) {
  for (const s of sections) {
    visit(s);
    walk(s.children, visit);
  }
}

describe('report model of Livorno DUP 2020-2022 at 30/06/2020', () => {
  let db: TestDatabase;
  let model: ReportModel;
  let enteId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDataset(db.orm, readShippedDataset('livorno-dup-2020-2022'));
    const em = db.orm.em.fork() as EntityManager;
    enteId = (await em.findOneOrFail(E.Ente, { istatCode: '049009' })).id;
    const source = await loadReportSource(em, { enteId, editionCode: '2020-2022', period: '2020-06-30', scope: { kind: 'full' } }, NOW);
    model = buildReport(source);
  });
  afterAll(() => db.drop());

  it('matches the golden model', () => {
    const normalized = { ...model, meta: { ...model.meta, dataVersion: null } };
    const json = `${JSON.stringify(normalized, null, 1)}\n`;
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, json);
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('counts the plan as reported at 30/06/2020', () => {
    expect(model.counts).toMatchObject({
      mandateLines: 10,
      strategicDirections: 45,
      strategicObjectives: 20,
      operationalObjectives: 68,
      goals: 229,
      indicators: 210,
    });
    expect(model.counts.goalsReported + model.counts.goalsDeferred + model.counts.goalsMissing).toBe(229);
    expect(model.counts.goalsDeferred).toBe(6);
    const sintesi = model.chapters.find((c) => c.id === 'cap-1')!.children.find((c) => c.id === 'cap-1-sintesi')!;
    expect(JSON.stringify(sintesi.blocks)).toContain('per le dieci linee di mandato, quarantacinque indirizzi strategici, sintetizzati in venti obiettivi strategici');
    expect(JSON.stringify(sintesi.blocks)).toContain('nei sessantotto obiettivi operativi');
  });

  it('has the seed’s front matter and SOMMARIO entries', () => {
    expect(model.cover).toMatchObject({
      enteHeading: 'COMUNE DI LIVORNO',
      title: 'Documento Unico di Programmazione 2020-2022',
      subtitle: 'Stato di attuazione al 30/06/2020',
    });
    expect(model.cover.issuingOffice).toContain('Ufficio Programmazione, controllo di gestione e contabilità analitica');
    const toc: string[] = [];
    walk(model.chapters, (s) => s.inToc && toc.push(s.tocLabel!));
    expect(toc).toEqual([
      'Deliberazione del Consiglio Comunale n. 195 del 13/11/2020',
      '1 LINEE PROGRAMMATICHE DI MANDATO 2019-2024 E DUP 2020-2022',
      '2 SISTEMA DEI CONTROLLI INTERNI E CONTROLLO STRATEGICO',
      '3 STATO DI ATTUAZIONE AL 30/06/2020',
      ...Array.from({ length: 10 }, (_, i) => `3.${i + 1} Linea di mandato ${i + 1}`),
      '4 SPESE PER MISSIONI E PROGRAMMI AL 30/06/2020',
    ]);
  });

  it('lists every operational objective in code order, without the one added on 30/09/2020', () => {
    const codes: string[] = [];
    walk(model.chapters, (s) => s.kind === 'operationalObjective' && codes.push(s.title));
    expect(codes).toHaveLength(68);
    expect(codes).toContain('Obiettivo operativo 9.02.22_OP');
    expect(codes).not.toContain('Obiettivo operativo 1.06.01_OP');
  });

  it('prints goal tables with the lead department and a flag per active year', () => {
    let first: Table | undefined;
    walk(model.chapters, (s) => {
      if (!first && s.kind === 'goal') first = (s.blocks[0] as { table: Table }).table;
    });
    expect(first!.columns.map((c) => c.header).slice(1)).toEqual(['Settori coinvolti', '2020', '2021', '2022']);
    expect(first!.rows[0].cells[1]).toMatchObject({ type: 'department', lead: true });
    expect(first!.rows[0].cells.slice(2)).toEqual([
      { type: 'flag', on: true },
      { type: 'flag', on: true },
      { type: 'flag', on: true },
    ]);
  });

  it('computes the spending table: mission subtotals, grand total and n.c. ratios', () => {
    const t = model.datasets.spending;
    const total = t.rows[t.rows.length - 1];
    expect(total.kind).toBe('total');
    expect(total.cells.slice(2)).toEqual([
      { type: 'money', value: '475193437.97', bold: true },
      { type: 'money', value: '165859777.40', bold: true },
      { type: 'money', value: '67044663.76', bold: true },
      { type: 'money', value: '39555990.19', bold: true },
      { type: 'money', value: '18976776.37', bold: true },
      { type: 'ratio', value: '34.90', numeratorColumn: 'impegnato', denominatorColumn: 'assestato', bold: true },
      { type: 'ratio', value: '40.42', numeratorColumn: 'liquidatoCompetenza', denominatorColumn: 'impegnato', bold: true },
      { type: 'ratio', value: '47.97', numeratorColumn: 'liquidatoResidui', denominatorColumn: 'residuiPassivi', bold: true },
    ]);
    expect(t.rows.filter((r) => r.kind === 'data')).toHaveLength(58);
    expect(t.rows.length).toBe(79);
    const ratios = t.rows.flatMap((r) => r.cells.filter((c) => c.type === 'ratio'));
    expect(ratios.filter((c) => c.type === 'ratio' && c.value === null)).toHaveLength(23);
    expect(t.footnotes[0]).toMatch(/^n\.c\. = non calcolabile/);
  });

  it('opens with the approving deliberation: session, attendance, both votes with totals and names, signatures', () => {
    const opening = model.chapters[0];
    expect(opening).toMatchObject({
      id: 'deliberazione',
      kind: 'chapter',
      title: 'DELIBERAZIONE DEL CONSIGLIO COMUNALE N. 195 DEL 13/11/2020',
      tocLabel: 'Deliberazione del Consiglio Comunale n. 195 del 13/11/2020',
      inToc: true,
      pageBreakBefore: true,
    });
    const text = (blocks: typeof opening.blocks) =>
      blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'subheading' ? [b.content.map((r) => r.text).join('')] : []));
    expect(text(opening.blocks)).toEqual([
      'Estratto dal processo verbale',
      'Oggetto: DUP 2020-2022 - STATO DI ATTUAZIONE AL 30/06/2020: APPROVAZIONE',
      "Seduta straordinaria del 13/11/2020, alle ore 14.45, nella residenza comunale di Livorno nella sala delle adunanze e, ai sensi dell'art. 1, comma 9, lettera o) del DPCM 24 ottobre 2020 in parziale videoconferenza mediante la piattaforma Webex Cisco.",
      'Presidente: Pietro Caruso. Assiste il Segretario Generale Maria Luisa Massai.',
      'Scrutatori: CARUSO PIETRO, SIMONI CINZIA, DI LIBERTI GIANLUCA',
      'Presenze al momento della votazione',
      'Totale presenti: 30 (3 in aula consiliare, 27 in videoconferenza). Totale assenti: 3 (TORNAR DANIELE, CORNIGLIA MARINA, GHIOZZI CARLO).',
      'Votazioni',
      '1. Votazione della deliberazione',
      'Il Presidente invita i componenti del Consiglio Comunale a procedere alla votazione – per appello nominale – del sopra riportato schema di delibera.',
      'Totale votanti: 29 – Favorevoli: 18 – Contrari: 11 – Astenuti: 1',
      'Contrari: ROMITI ANDREA, VACCARO COSTANZA, PACCIARDI GIULIA, DI LIBERTI GIANLUCA, PERINI ALESSANDRO, SORGENTE STELLA, VECCE LUCA, GRASSI LUCIA, BRUCIATI MARCO, BARALE VALENTINA, TROTTA AURORA',
      'Astenuti: CARUSO PIETRO',
      "Esito: Approvata. E pertanto, con il risultato di cui sopra – accertato e proclamato dal Presidente con l'assistenza degli scrutatori – la delibera relativa all'oggetto è approvata.",
      '2. Votazione sulla immediata eseguibilità',
      "Il Presidente propone – ai sensi dell'Art. 134 co.4 D.Lgs. 267/2000 – la immediata esecuzione del presente provvedimento.",
      'Totale votanti: 30 – Favorevoli: 19 – Contrari: 11 – Astenuti: 0',
      'Contrari: ROMITI ANDREA, VACCARO COSTANZA, PACCIARDI GIULIA, DI LIBERTI GIANLUCA, PERINI ALESSANDRO, SORGENTE STELLA, VECCE LUCA, GRASSI LUCIA, BRUCIATI MARCO, BARALE VALENTINA, TROTTA AURORA',
      'Astenuti: nessuno',
      'Esito: Approvata. La proposta è accolta.',
      'Firme',
      'Il Presidente del Consiglio: Pietro Caruso',
      'Il Segretario Generale: Maria Luisa Massai',
    ]);
    const table = opening.blocks.find((b) => b.kind === 'table')!.table;
    expect(table.columns.map((c) => c.header)).toEqual(['N.', 'Consigliere', 'Presenza', 'Voto sulla deliberazione', 'Voto sulla immediata eseguibilità']);
    expect(table.rows).toHaveLength(33);
    const row = (n: number) => table.rows[n - 1].cells.map((c) => (c.type === 'text' ? c.text : c.type === 'integer' ? c.value : c.type));
    expect(row(1)).toEqual([1, 'SALVETTI LUCA (Sindaco)', 'Presente in videoconferenza', 'Favorevole', 'Favorevole']);
    expect(row(2)).toEqual([2, 'CARUSO PIETRO (Presidente del Consiglio)', 'Presente in aula consiliare', 'Astenuto', 'Favorevole']);
    expect(row(12)).toEqual([12, 'TORNAR DANIELE', 'Assente', 'Assente', 'Assente']);
    expect(row(22)).toEqual([22, 'ROMITI ANDREA', 'Presente in videoconferenza', 'Contrario', 'Contrario']);
    // The spreadsheet gets the same rows, with the session and each vote's totals as notes.
    expect(model.datasets.deliberation!.rows).toEqual(table.rows);
    expect(model.datasets.deliberation!.footnotes).toEqual([
      "Deliberazione del Consiglio Comunale n. 195 del 13/11/2020 – DUP 2020-2022 - STATO DI ATTUAZIONE AL 30/06/2020: APPROVAZIONE. Seduta straordinaria del 13/11/2020, alle ore 14.45, nella residenza comunale di Livorno nella sala delle adunanze e, ai sensi dell'art. 1, comma 9, lettera o) del DPCM 24 ottobre 2020 in parziale videoconferenza mediante la piattaforma Webex Cisco.",
      '1. Votazione della deliberazione: Totale votanti: 29 – Favorevoli: 18 – Contrari: 11 – Astenuti: 1 (astenuti: CARUSO PIETRO). Esito: approvata.',
      '2. Votazione sulla immediata eseguibilità: Totale votanti: 30 – Favorevoli: 19 – Contrari: 11 – Astenuti: 0. Esito: approvata.',
      'Il Presidente del Consiglio: Pietro Caruso',
      'Il Segretario Generale: Maria Luisa Massai',
    ]);
  });

  it('prints no deliberation for a period not approved by the council, nor in a partial report', async () => {
    const em = db.orm.em.fork() as EntityManager;
    const source = await loadReportSource(em, { enteId, editionCode: '2020-2022', period: '2020-06-30', scope: { kind: 'full' } }, NOW);
    const noted = buildReport({ ...source, period: { ...source.period, state: 'NOTED_BY_GIUNTA' } });
    expect(noted.chapters.map((c) => c.id)).toEqual(['cap-1', 'cap-2', 'cap-3', 'cap-4']);
    expect(noted.datasets.deliberation).toBeUndefined();
    expect(buildReport({ ...source, councilSession: null }).chapters[0].id).toBe('cap-1');
  });

  it('narrows to one mandate line or one department', async () => {
    const em = db.orm.em.fork() as EntityManager;
    const line = buildReport(
      await loadReportSource(em, { enteId, editionCode: '2020-2022', period: '2020-06-30', scope: { kind: 'mandateLine', lineNumber: 3 } }, NOW),
    );
    expect(line.chapters.map((c) => c.id)).toEqual(['cap-1']);
    expect(line.chapters[0].children.filter((c) => c.kind === 'mandateLine').map((c) => c.id)).toEqual(['linea-3']);
    expect(line.meta.fileBaseName).toBe('DUP-2020-2022_stato-attuazione_2020-06-30_linea-3');
    expect(line.datasets.spending.rows).toHaveLength(0);

    const dept = (await em.find(E.Department, { ente: enteId }, { orderBy: { code: 'asc' } }))[0];
    const mine = buildReport(
      await loadReportSource(em, { enteId, editionCode: '2020-2022', period: '2020-06-30', scope: { kind: 'department', departmentCode: dept.code } }, NOW),
    );
    expect(mine.meta.scopeLabel).toBe(`Settore ${dept.name}`);
    expect(mine.counts.goals).toBeGreaterThan(0);
    expect(mine.counts.goals).toBeLessThan(229);
    const goalTables: Table[] = [];
    walk(mine.chapters, (s) => s.kind === 'goal' && goalTables.push((s.blocks[0] as { table: Table }).table));
    // Tables print the department as the document did: its name or one of its printed aliases.
    const printed = new Set([dept.name, ...dept.aliases]);
    for (const t of goalTables) expect(t.rows.some((r) => r.cells[1].type === 'department' && printed.has(r.cells[1].name))).toBe(true);
  });

  const sectionById = (id: string): Section => {
    let found: Section | undefined;
    walk(model.chapters, (s) => {
      if (s.id === id) found = s;
    });
    return found!;
  };
  const blocksText = (s: Section) => JSON.stringify(s.blocks);

  it('prints a deferred goal’s narrative after its deferral line (7.01.01 finalità 2)', () => {
    const goal = sectionById('fin-7-01-01-2');
    const texts = goal.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.content.map((r) => r.text).join(''));
    const deferral = texts.indexOf('Rendicontazione completa della finalità al 31.12.2020');
    expect(deferral).toBeGreaterThan(-1);
    expect(texts[deferral + 1]).toMatch(/^Si evidenziano solamente le iniziative già avviate relative alla "Mappa della Comunità/);
    const row = model.datasets.goals.rows.find(
      (r) => r.cells[1].type === 'text' && r.cells[1].text === '7.01.01_OP' && r.cells[2].type === 'integer' && r.cells[2].value === 2,
    )!;
    const narrative = row.cells[row.cells.length - 1];
    expect(narrative.type === 'text' && narrative.text).toMatch(/^Rendicontazione completa della finalità al 31\.12\.2020\n\nSi evidenziano solamente/);
  });

  it('prints each indicator block where the document puts it (9.02.22: three after finalità 1, one after finalità 2)', () => {
    const rowsOf = (s: Section) =>
      s.blocks.filter((b) => b.kind === 'table' && b.table.id.startsWith('tab-ind-')).map((b) => (b.kind === 'table' ? b.table.rows.length : 0));
    expect(rowsOf(sectionById('fin-9-02-22-1'))).toEqual([3]);
    expect(rowsOf(sectionById('fin-9-02-22-2'))).toEqual([1]);
    expect(rowsOf(sectionById('fin-9-02-22-3'))).toEqual([]);
    expect(sectionById('oo-9-02-22').trailingBlocks).toEqual([]);
    // Grouped blocks (9.02.15, 9.02.21) stay one table closing the objective.
    expect(sectionById('oo-9-02-15').trailingBlocks).toHaveLength(2);
    expect(sectionById('oo-9-02-21').trailingBlocks).toHaveLength(2);
  });

  it('prints the labels and department names as the document printed them', () => {
    const headers: string[] = [];
    let differing = 0;
    const canonical = new Set(model.datasets.goals.rows.flatMap((r) => (r.cells[5].type === 'text' ? r.cells[5].text.split('; ') : [])));
    walk(model.chapters, (s) => {
      if (s.kind !== 'goal') return;
      const t = (s.blocks[0] as { table: Table }).table;
      headers.push(t.columns[1].header);
      for (const r of t.rows) if (r.cells[1].type === 'department' && !canonical.has(r.cells[1].name)) differing++;
    });
    expect(headers.filter((h) => h === 'Settore coinvolti')).toHaveLength(66);
    expect(headers.filter((h) => h === 'Settori coinvolti')).toHaveLength(229 - 66);
    expect(differing).toBeGreaterThan(0);
    const partecipate: string[] = [];
    walk(model.chapters, (s) => {
      if (s.kind === 'strategicObjective' && /partecipati coinvolti/.test(blocksText(s))) partecipate.push(blocksText(s));
    });
    expect(partecipate).toHaveLength(8);
    for (const p of partecipate) expect(p).not.toMatch(/coinvolti: .*Societ/);
    expect(partecipate[0]).toContain("nella realizzazione dell'obiettivo: ");
  });

  it('keeps an operational objective’s heading with its first goal and a goal’s table with its text', () => {
    const op = sectionById('oo-9-02-22');
    expect(op.blocks.slice(0, -1).every((b) => b.kind === 'paragraph' && b.keepWithNext)).toBe(true);
    expect(sectionById('fin-9-02-22-1').blocks[0]).toMatchObject({ kind: 'table', keepWithNext: true });
  });

  it('writes indicator values as numbers and the mission column of the spending table as repeating', () => {
    const values = model.datasets.indicators.rows.map((r) => r.cells[4]).filter((c) => c.type !== 'empty');
    expect(values.length).toBeGreaterThan(50);
    expect(values.every((c) => c.type === 'number')).toBe(true);
    expect(model.datasets.spending.columns[0].repeatsDown).toBe(true);
    expect(sectionById('cap-4').landscape).toBe(true);
  });

  it('marks the report of a period the Giunta has not noted as BOZZA', async () => {
    expect(model.meta.draftMark).toBeNull();
    const em = db.orm.em.fork() as EntityManager;
    const source = await loadReportSource(em, { enteId, editionCode: '2020-2022', period: '2020-06-30', scope: { kind: 'full' } }, NOW);
    expect(buildReport({ ...source, period: { ...source.period, state: 'CLOSED' } }).meta.draftMark).toBe('BOZZA');
  });

  it('refuses unknown editions, periods and scopes with NOT_FOUND', async () => {
    const em = db.orm.em.fork() as EntityManager;
    await expect(loadReportSource(em, { enteId, editionCode: '2099-2101', period: '2020-06-30', scope: { kind: 'full' } })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(loadReportSource(em, { enteId, editionCode: '2020-2022', period: '2020-12-31', scope: { kind: 'full' } })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    const source = await loadReportSource(em, { enteId, editionCode: '2020-2022', period: '2020-06-30', scope: { kind: 'mandateLine', lineNumber: 11 } });
    expect(() => buildReport(source)).toThrow('La linea di mandato 11 non esiste');
  });
});
