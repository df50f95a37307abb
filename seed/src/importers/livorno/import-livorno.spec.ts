import { livornoImport, livornoSourceText } from './test-source';
import { importLivornoDup } from './import-livorno';

const { dataset: d, notes, spendingCheck } = livornoImport();
const CUTOFF = '2020-06-30';
const actDate = new Map(d.acts.map((a) => [a.key, a.date]));
/** Objectives as reported at the cut-off: those introduced by a later act are excluded. */
const reported = <T extends { introducedByActKey?: string }>(xs: T[]): T[] =>
  xs.filter((x) => !x.introducedByActKey || (actDate.get(x.introducedByActKey) ?? '') <= CUTOFF);
const statusOf = (op: string, order: number) => d.goalStatuses.find((s) => s.opCode === op && s.goalOrder === order)!;
const resultsOf = (op: string) => d.indicatorResults.filter((r) => r.opCode === op);

describe('Livorno DUP 2020-2022 import: headline counts', () => {
  it('has 10 mandate lines and 45 strategic directions', () => {
    expect(d.mandateLines).toHaveLength(10);
    expect(d.mandateLines.map((l) => l.directions.length)).toEqual([7, 7, 5, 5, 3, 3, 2, 3, 6, 4]);
    expect(d.mandateLines.flatMap((l) => l.directions)).toHaveLength(45);
  });

  it('reports 20 strategic and 68 operational objectives at 30/06/2020, 21 and 69 as amended', () => {
    expect(reported(d.strategicObjectives)).toHaveLength(20);
    expect(reported(d.operationalObjectives)).toHaveLength(68);
    expect(d.strategicObjectives).toHaveLength(21);
    expect(d.operationalObjectives).toHaveLength(69);
  });

  it('has 229 finalità, 223 status narratives (one "ad agosto 2020") and 6 deferrals', () => {
    expect(d.goals).toHaveLength(229);
    expect(d.goalStatuses).toHaveLength(229);
    const deferred = d.goalStatuses.filter((s) => s.declaredState === 'DEFERRED');
    const narratives = d.goalStatuses.filter((s) => s.declaredState === undefined);
    expect(narratives).toHaveLength(223);
    expect(deferred.map((s) => `${s.opCode} F${s.goalOrder}`)).toEqual(['3.01.03 F2', '4.02.02 F1', '4.02.02 F2', '5.01.02 F2', '7.01.01 F2', '9.02.22 F3']);
    expect(d.goalStatuses.filter((s) => s.asOfLabel === 'ad agosto 2020').map((s) => `${s.opCode} F${s.goalOrder}`)).toEqual(['7.01.03 F6']);
    expect(narratives.every((s) => s.narrative.length > 0)).toBe(true);
  });

  it('has 210 indicators (9.02.21 first row read as an indicator) with one result each', () => {
    expect(d.indicators).toHaveLength(210);
    expect(d.indicatorResults).toHaveLength(210);
    expect(d.indicators.filter((i) => i.opCode === '2.01.02')).toHaveLength(0);
  });

  it('has 466 goal–department rows, 128 lead markers, 23 departments plus the all-departments entry = 24 names', () => {
    const rows = d.goals.flatMap((g) => g.departments);
    expect(rows).toHaveLength(466);
    expect(rows.filter((r) => r.lead)).toHaveLength(128);
    expect(d.departments).toHaveLength(23);
    const allRows = rows.filter((r) => r.allDepartmentsLabel !== undefined);
    expect(allRows).toHaveLength(12);
    expect(allRows.every((r) => r.departmentCode === undefined && r.printedName === r.allDepartmentsLabel)).toBe(true);
    expect(new Set(rows.map((r) => r.departmentCode ?? 'ALL')).size).toBe(24);
    expect(d.departments.every((x) => /^[A-Z_]+$/.test(x.code))).toBe(true);
  });

  it('stores 58 programme spending rows and proves the 21 printed totals and 237 ratios', () => {
    expect(d.spending).toHaveLength(58);
    expect(spendingCheck).toEqual({
      programmeRows: 58,
      missionTotals: 20,
      grandTotals: 1,
      ratiosChecked: 237,
      ratiosComputable: 214,
      zeroDenominatorRatios: 23,
    });
    expect(spendingCheck.programmeRows + spendingCheck.missionTotals + spendingCheck.grandTotals).toBe(79);
    expect(d.spending[0]).toEqual({
      period: CUTOFF,
      mission: '01',
      programme: '01',
      assestato: '4199059.32',
      impegnato: '1245470.78',
      liquidatoCompetenza: '980306.95',
      residuiPassivi: '180995.72',
      liquidatoResidui: '44235.49',
    });
    expect(d.spending.find((s) => s.mission === '03')?.programme).toBe('01');
  });

  it('matches the per-line counts of the seed analysis (§2.1)', () => {
    const perLine = d.mandateLines.map((l) => {
      const ops = reported(d.operationalObjectives).filter((o) => o.code.startsWith(`${l.number}.`));
      const codes = new Set(ops.map((o) => o.code));
      return [
        reported(d.strategicObjectives).filter((s) => s.lineNumber === l.number).length,
        ops.length,
        d.goals.filter((g) => codes.has(g.opCode)).length,
        d.indicators.filter((i) => codes.has(i.opCode)).length,
        d.indicatorResults.filter((r) => codes.has(r.opCode) && r.status === 'EMPTY').length,
      ];
    });
    expect(perLine).toEqual([
      [5, 12, 40, 30, 0],
      [5, 13, 44, 37, 1],
      [1, 3, 11, 9, 0],
      [2, 5, 18, 11, 0],
      [1, 2, 7, 5, 0],
      [1, 2, 7, 8, 0],
      [1, 4, 20, 10, 0],
      [1, 2, 7, 4, 0],
      [2, 23, 69, 90, 0],
      [1, 2, 6, 6, 3],
    ]);
  });
});

describe('Livorno DUP 2020-2022 import: readings', () => {
  it('keeps body titles and stores summary-table wording as alternates (6 OPs, 2 SOs)', () => {
    expect(d.operationalObjectives.filter((o) => o.alternateTitles.length > 0).map((o) => o.code)).toEqual([
      '2.01.04',
      '3.01.02',
      '4.02.01',
      '4.02.02',
      '9.02.17',
      '9.02.18',
    ]);
    expect(d.strategicObjectives.filter((s) => s.alternateTitles.length > 0).map((s) => s.code)).toEqual(['4.01', '5.01']);
    const so501 = d.strategicObjectives.find((s) => s.code === '5.01')!;
    expect(so501.title).toMatch(/^Riquilibrare /);
    expect(so501.alternateTitles[0]).toMatch(/^Riqualificare /);
  });

  it('uses the chapter 3 heading as mandate line title and chapter 1 wording as alternate', () => {
    expect(d.mandateLines.every((l) => l.alternateTitles.length === 1)).toBe(true);
    expect(d.mandateLines[5]).toMatchObject({
      title: 'PER UNA MOBILITÀ SICURA E SOSTENIBILE',
      alternateTitles: ['Una città in movimento: per una mobilità sicura e sostenibile'],
    });
    expect(d.mandateLines[7].title).toBe("LA FORZA DELL'ECONOMIA CIRCOLARE. RIPENSARE IL PORTA A PORTA, LIBERARSI DELLA PLASTICA");
    expect(d.mandateLines[9].alternateTitles).toEqual(['Diritti']);
  });

  it('records the ente, mandate, acts, edition and period', () => {
    expect(d.ente).toMatchObject({ name: 'Comune di Livorno', istatCode: '049009' });
    expect(d.ente.issuingOffice[0]).toBe('Direzione Generale');
    expect(d.mandate).toEqual({ title: 'La forza di guardare oltre', startYear: 2019, endYear: 2024, mayor: 'Luca Salvetti', approvedByActKey: 'CC-122-2019' });
    expect(d.acts.map((a) => `${a.key} ${a.date}`)).toEqual([
      'CC-122-2019 2019-08-02',
      'GC-794-2019 2019-11-14',
      'CC-225-2019 2019-12-23',
      'CC-100-2020 2020-06-29',
      'CC-65-2020 2020-05-07',
      'CC-103-2020 2020-06-29',
      'CC-163-2020 2020-09-30',
      'GC-175-2020 2020-03-31',
      'GCDEC-253-2020 2020-10-27',
      'CC-195-2020 2020-11-13',
    ]);
    expect(d.acts.every((a) => a.subject.length > 10)).toBe(true);
    expect(d.edition.amendments.map((a) => [a.actKey, a.effectiveDate, a.addsStrategicObjectives, a.addsOperationalObjectives])).toEqual([
      ['CC-103-2020', '2020-06-29', [], ['9.02.22']],
      ['CC-163-2020', '2020-09-30', ['1.06'], ['1.06.01']],
    ]);
    expect(d.periods).toEqual([
      { cutoffDate: CUTOFF, kind: 'MID_YEAR', state: 'APPROVED_BY_COUNCIL', notedByActKey: 'GCDEC-253-2020', approvedByActKey: 'CC-195-2020' },
    ]);
  });

  it('includes the chapter-1-only objectives 1.06 / 1.06.01 and marks 9.02.22 as added by CC 103/2020', () => {
    expect(d.strategicObjectives.find((s) => s.code === '1.06')).toMatchObject({
      title: 'Next Generation Livorno: Piano di ripresa e resilienza',
      lineNumber: 1,
      missions: [],
      introducedByActKey: 'CC-163-2020',
    });
    expect(d.operationalObjectives.find((o) => o.code === '1.06.01')).toMatchObject({
      strategicCode: '1.06',
      title: 'Sviluppare e coordinare le azioni per realizzare il Piano di ripresa e resilienza di Livorno',
      introducedByActKey: 'CC-163-2020',
    });
    expect(d.goals.some((g) => g.opCode === '1.06.01')).toBe(false);
    expect(d.operationalObjectives.find((o) => o.code === '9.02.22')).toMatchObject({
      introducedByActKey: 'CC-103-2020',
      ownerKeys: ['SINDACO:Luca Salvetti', 'GIUNTA'],
      ownerLabel: 'Sindaco Luca Salvetti e Giunta Comunale',
    });
  });

  it('stores the printed "(v., infra, pag. 170)" to Riparti Livorno as the placeholder the report fills', () => {
    const history = (d.reportTexts ?? []).find((t) => t.key === 'editionHistory')!.markdown;
    expect(history).toContain('al 30/06/2020 (v., infra, {{pagina:9.02.22}}), per poi');
    expect(history).not.toMatch(/pag\. \d/);
    expect(notes.some((n) => n.includes('{{pagina:9.02.22}}'))).toBe(true);
  });

  it('has 10 people plus the Giunta as political owners', () => {
    expect(d.politicalOwners.filter((o) => o.personName)).toHaveLength(10);
    expect(d.politicalOwners.filter((o) => o.role === 'GIUNTA')).toEqual([{ key: 'GIUNTA', role: 'GIUNTA' }]);
    expect(d.operationalObjectives.find((o) => o.code === '2.01.02')?.ownerKeys).toEqual(['SINDACO:Luca Salvetti']);
  });

  it('resolves the 5 implied capofila cases to the department on the next row', () => {
    const lead = (op: string, f: number) =>
      d.goals
        .find((g) => g.opCode === op && g.order === f)!
        .departments.filter((r) => r.lead)
        .map((r) => r.departmentCode);
    expect(lead('7.01.03', 3)).toEqual(['AMB_MOB']);
    expect(lead('9.02.07', 4)).toEqual(['ENTR_PATR']);
    expect(lead('9.02.10', 1)).toEqual(['ENTR_PATR']);
    expect(lead('9.02.13', 2)).toEqual(['SIST_INF']);
    expect(lead('9.02.18', 2)).toEqual(['INFR_SPAZI']);
    expect(notes.some((n) => n.startsWith('Capofila rule') && n.includes('Implied cases (5)'))).toBe(true);
  });

  it('reads special department rows: merged cell, split name, annotation, per-row years', () => {
    const g = (op: string, f: number) => d.goals.find((x) => x.opCode === op && x.order === f)!;
    expect(g('2.01.02', 1).departments.map((r) => [r.departmentCode, r.lead])).toEqual([
      ['DIP_LLPP', true],
      ['POL_SOC', false],
      ['URB_PROG', false],
      ['INFR_SPAZI', false],
      ['SVM', false],
      ['AMB_MOB', false],
    ]);
    expect(g('9.02.10', 1).departments.filter((r) => r.departmentCode === 'CONTR_PROVV')).toHaveLength(1);
    expect(g('1.05.01', 1).departments[0]).toMatchObject({ departmentCode: 'SVIL_ECO', note: 'Comuni di Livorno, Collesalveti, Capraia' });
    expect(g('1.05.02', 3).departments.find((r) => r.departmentCode === 'ENTR_PATR')?.years).toEqual([2021, 2022]);
    expect(g('7.01.03', 7).departments[0].years).toEqual([2021]);
    expect(g('1.03.02', 1).departments[0].years).toEqual([2020]);
  });

  it('links grouped and per-finalità indicators to their finalità', () => {
    const ind = (op: string) => d.indicators.filter((i) => i.opCode === op);
    expect(ind('9.02.15')).toHaveLength(24);
    expect(new Set(ind('9.02.15').map((i) => i.groupLabel)).size).toBe(7);
    expect(ind('9.02.15').map((i) => i.goalOrder)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 4, 5, 5, 6, 6, 6, 6, 7, 7, 7]);
    expect(ind('9.02.21').map((i) => [i.goalOrder, i.groupLabel])).toEqual([
      [1, undefined],
      [1, undefined],
      [2, 'Sviluppo di un sistema permanente di Relazioni Sindacali'],
    ]);
    expect(ind('9.02.22').map((i) => i.goalOrder)).toEqual([1, 1, 1, 2]);
    expect(ind('1.01.01').every((i) => i.goalOrder === undefined && i.groupLabel === undefined)).toBe(true);
  });

  it('classifies indicator results', () => {
    const count = (s: string) => d.indicatorResults.filter((r) => r.status === s).length;
    expect(count('EMPTY')).toBe(4);
    expect(count('DEFERRED')).toBe(57);
    expect(d.indicatorResults.filter((r) => r.status === 'DEFERRED').every((r) => r.deferredTo === '2020-12-31')).toBe(true);
    expect(resultsOf('10.01.01').map((r) => [r.status, r.text])).toEqual([
      ['EMPTY', ''],
      ['EMPTY', ''],
      ['EMPTY', ''],
    ]);
    expect(resultsOf('1.01.01')[1]).toMatchObject({ text: 'N. 17', value: '17', status: 'REPORTED' });
    expect(resultsOf('1.03.01')[2]).toMatchObject({ text: 'N. 157.127 abitanti, pari a 75.225 nuclei familiari', status: 'REPORTED' });
    expect(resultsOf('1.03.01')[2].value).toBeUndefined();
    expect(resultsOf('6.01.01').find((r) => r.text === 'N. .450')?.value).toBeUndefined();
    expect(resultsOf('7.01.04').find((r) => r.text === '30.000 mq')).toMatchObject({ value: '30000', unit: 'mq' });
    expect(resultsOf('7.01.03')[0]).toMatchObject({ text: 'N.10', value: '10' });
    expect(resultsOf('1.02.02')).toEqual([expect.objectContaining({ text: 'Da realizzare a partire dal 2021', status: 'NOT_YET_APPLICABLE' })]);
    expect(resultsOf('2.01.03')[0].status).toBe('SUSPENDED');
    expect(resultsOf('7.01.01')[0].text).toMatch(/^- Acque di Balneazione N\. 62\n- Qualità dell'Aria N\. 24\n/);
  });

  it('classifies indicator kinds heuristically and leaves targets empty', () => {
    const kinds = (k: string) => d.indicators.filter((i) => i.kind === k).length;
    expect(kinds('COUNT')).toBeGreaterThan(100);
    expect(d.indicators.find((i) => i.name.startsWith('Mq di arenile'))).toMatchObject({ kind: 'AREA', unit: 'mq', polarity: 'NONE' });
    expect(d.indicators.find((i) => i.name.startsWith('% di corsi'))).toMatchObject({ kind: 'PERCENTAGE', polarity: 'HIGHER_IS_BETTER' });
    expect(d.indicators.find((i) => i.name.startsWith('Elaborazione del nuovo Piano del commercio'))?.kind).toBe('MILESTONE');
    expect(d.indicators.every((i) => i.targets.length === 0)).toBe(true);
  });

  it('keeps typos and structure verbatim', () => {
    expect(statusOf('5.01.02', 2).deferralText).toBe('La finalit sar rendicontata al 31.12.2020');
    expect(statusOf('7.01.01', 2)).toMatchObject({ deferralText: 'Rendicontazione completa della finalità al 31.12.2020', deferredTo: '2020-12-31' });
    expect(statusOf('7.01.01', 2).narrative).toMatch(/^Si evidenziano solamente le iniziative già avviate/);
    expect(statusOf('3.01.03', 2).narrative).toBe('');
    expect(statusOf('1.03.01', 1).narrative).toContain('27.01.2010');
    expect(d.goals.filter((g) => g.opCode === '9.02.15').some((g) => g.description.includes('€ 100.00,00'))).toBe(true);
    const f1 = statusOf('9.02.22', 1).narrative;
    expect(f1).toContain('\n### Interventi economici e fiscali approvati\n');
    expect(f1).toContain('\n#### Buoni spesa\n');
    expect(f1).toContain('- Mascherine consegnate ai nuclei familiari: n. 72.225;');
    expect(d.operationalObjectives.find((o) => o.code === '10.01.01')?.goalsHeading).toBe('Finalità da perseguire e motivazione delle scelte');
  });

  it('leaves no conversion artefacts in text fields', () => {
    const texts = [
      ...d.goals.flatMap((g) => [g.title, g.description]),
      ...d.goalStatuses.map((s) => s.narrative),
      ...d.indicators.map((i) => i.name),
      ...d.indicatorResults.map((r) => r.text),
      ...d.strategicObjectives.flatMap((s) => [s.title, s.description]),
      ...d.mandateLines.flatMap((l) => [l.title, l.description, ...l.directions]),
    ];
    for (const t of texts) {
      expect(t).not.toMatch(/<\/?(b|p|u|i|ul|li)\b|\\_|\\\*|\t|\n{3,}|^-{2,}$/m);
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(importLivornoDup(livornoSourceText()).dataset)).toBe(JSON.stringify(d));
  });
});
