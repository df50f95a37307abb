import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';
import { livornoTargets, M, ok, outcome, resultVersion, statusVersion } from './testing/write-fixtures';

const E = '2020-2022';
const P = '2020-12-31';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const DOWNLOADS = `query($e: String!, $p: LocalDate!) {
  reportDownloads(edition: $e, period: $p) { format url fileName revision frozen draft approvedBy file { sha256 sizeBytes } } }`;
const REOPEN = `mutation($e: String!, $d: LocalDate!, $r: String!) { reopenReportingPeriod(edition: $e, cutoffDate: $d, reason: $r) { state revision reopenable nextStates } }`;

/**
 * Issue 18 acceptance: the period life cycle on Livorno's data, the locked writes that change
 * nothing, the reports frozen at approval (served byte for byte, verified by hash), reopening as a
 * new revision, and the transparency package.
 */
describe('period approval: life cycle, frozen reports, transparency package', () => {
  let t: TestServer;
  let office: string;
  let admin: string;
  let lead: string;
  let involved: string;
  let ids: Awaited<ReturnType<typeof livornoTargets>>;

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    office = await t.loginAs(Role.PLANNING_OFFICE);
    admin = await t.loginAs(Role.ADMIN);
    lead = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['URB_PROG'] });
    involved = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['EDIL_SUAP'] });
    ids = await livornoTargets(t);
  }, 120_000);
  afterAll(() => t.stop());

  const get = async (path: string, token: string | null = office) => {
    const res = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const verify = async (bytes: Uint8Array, token = office) => {
    const res = await fetch(`${t.url}/reports/verifica`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Blob([new Uint8Array(bytes)]),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { valid: boolean; message: string; file: { revision: number; format: string } | null };
  };

  /** Every row of the period's data, as text: what a locked write must leave byte-identical. */
  const periodData = async (cutoff: string) => {
    const rows = await t.db.orm.em.getConnection().execute<{ dump: string }[]>(
      `select coalesce((select json_agg(s order by s.id)::text from goal_status s join reporting_period p on p.id = s.period_id where p.cutoff_date = ?), '')
           || coalesce((select json_agg(r order by r.id)::text from indicator_result r join reporting_period p on p.id = r.period_id where p.cutoff_date = ?), '')
           || coalesce((select json_agg(c order by c.id)::text from goal_contribution c join reporting_period p on p.id = c.period_id where p.cutoff_date = ?), '')
           || coalesce((select json_agg(d order by d.id)::text from department_review d join reporting_period p on p.id = d.period_id where p.cutoff_date = ?), '') as dump`,
      [cutoff, cutoff, cutoff, cutoff],
    );
    return rows[0].dump;
  };

  /** One write of each kind by `token`, answering the outcome of each. */
  const writes = async (token: string, label: string) => ({
    setGoalStatus: outcome(
      await t.gql(
        M.setStatus,
        {
          input: {
            goalId: ids.goalId,
            period: P,
            expectedVersion: await statusVersion(t, ids.goalId, P),
            narrative: `Stato (${label}).`,
            declaredState: 'IN_PROGRESS',
          },
        },
        token,
      ),
    ),
    recordIndicatorResult: outcome(
      await t.gql(
        M.recordResult,
        {
          input: {
            indicatorId: ids.indicatorId,
            period: P,
            expectedVersion: await resultVersion(t, ids.indicatorId, P),
            text: `N. 7 (${label})`,
            status: 'REPORTED',
          },
        },
        token,
      ),
    ),
  });

  it('walks OPEN → COLLECTION_CLOSED → IN_REVIEW → NOTED_BY_GIUNTA → APPROVED_BY_COUNCIL; locked writes change nothing', async () => {
    await ok(t, M.openPeriod, { e: E, d: P }, office);
    const step = (s: string, extra: Record<string, unknown> = {}) =>
      ok<{ setReportingPeriodState: { state: string } }>(t, M.setPeriodState, { e: E, d: P, s, ...extra }, office);
    const seen: Record<string, unknown> = {};
    const record = async (state: string) => {
      const before = await periodData(P);
      const result = {
        office: await writes(office, state),
        lead: await writes(lead, state),
        involvedContribution: outcome(await t.gql(M.contribute, { g: ids.goalId, p: P, d: 'EDIL_SUAP', t: `Contributo (${state}).` }, involved)),
      };
      const locked = Object.values(result.office).every((o) => o === 'PERIOD_LOCKED') && Object.values(result.lead).every((o) => o === 'PERIOD_LOCKED');
      // When every write was refused, the period's data is byte-identical.
      if (locked) expect(await periodData(P)).toBe(before);
      seen[state] = result;
    };
    await record('OPEN');
    await step('COLLECTION_CLOSED');
    await record('COLLECTION_CLOSED');
    await step('IN_REVIEW');
    await record('IN_REVIEW');
    await step('NOTED_BY_GIUNTA', { n: '12', ad: '2021-02-10', k: 'DECISIONE' });
    await record('NOTED_BY_GIUNTA');
    await step('APPROVED_BY_COUNCIL', { n: '50', ad: '2021-03-01' });
    await record('APPROVED_BY_COUNCIL');

    const both = (o: string) => ({ setGoalStatus: o, recordIndicatorResult: o });
    expect(seen).toEqual({
      OPEN: { office: both('OK'), lead: both('OK'), involvedContribution: 'OK' },
      COLLECTION_CLOSED: { office: both('OK'), lead: both('PERIOD_LOCKED'), involvedContribution: 'PERIOD_LOCKED' },
      IN_REVIEW: { office: both('OK'), lead: both('PERIOD_LOCKED'), involvedContribution: 'PERIOD_LOCKED' },
      NOTED_BY_GIUNTA: { office: both('PERIOD_LOCKED'), lead: both('PERIOD_LOCKED'), involvedContribution: 'PERIOD_LOCKED' },
      APPROVED_BY_COUNCIL: { office: both('PERIOD_LOCKED'), lead: both('PERIOD_LOCKED'), involvedContribution: 'PERIOD_LOCKED' },
    });
    // The transitions are audited with the act.
    const [audit] = await t.db.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) n from audit_entry where operation = 'SET_PERIOD_STATE'`);
    expect(Number(audit.n)).toBe(4);
  }, 300_000);

  let frozen: Record<string, Buffer>;

  it('froze the report at approval: the downloads are those bytes, with the act on the cover, whatever changes later', async () => {
    const [{ n }] = await t.db.orm.em
      .getConnection()
      .execute<{ n: string }[]>(
        `select count(*) n from frozen_report f join reporting_period p on p.id = f.period_id where p.cutoff_date = ? and f.revision = 1 and f.scope = 'completo'`,
        [P],
      );
    expect(Number(n)).toBe(4); // pdf, xlsx, html and the package, frozen by the approval itself
    frozen = {};
    for (const format of ['pdf', 'xlsx', 'html', 'zip']) {
      const { res, bytes } = await get(`/reports/${E}/${P}.${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-report-cache')).toBe('frozen');
      expect(res.headers.get('x-report-sha256')).toBe(sha(bytes));
      frozen[format] = bytes;
    }
    expect(frozen.html.toString('utf8')).toContain('Approvato con deliberazione del Consiglio Comunale n. 50 del 01/03/2021');
    const pdfText = execFileSync('pdftotext', ['-l', '1', '-', '-'], { input: frozen.pdf }).toString('utf8');
    expect(pdfText).toContain('Approvato con deliberazione del Consiglio Comunale n. 50 del 01/03/2021');

    // Data and texts change behind the service's back (as a template or code change would change a render).
    await t.db.orm.em
      .getConnection()
      .execute(`update goal_status s set narrative = narrative || ' MODIFICATO' from reporting_period p where p.id = s.period_id and p.cutoff_date = ?`, [P]);
    await t.db.orm.em.getConnection().execute(`update goal set description = description || ' MODIFICATA'`);
    for (const format of ['pdf', 'xlsx', 'html', 'zip']) {
      const { bytes } = await get(`/reports/${E}/${P}.${format}`);
      expect(sha(bytes)).toBe(sha(frozen[format]));
    }
    const listed = await ok<{ reportDownloads: { format: string; frozen: boolean; draft: boolean; approvedBy: string; file: { sha256: string } }[] }>(
      t,
      DOWNLOADS,
      { e: E, p: P },
      office,
    );
    expect(listed.reportDownloads.map((d) => [d.format, d.frozen, d.draft, d.file.sha256])).toEqual(
      ['pdf', 'xlsx', 'html', 'zip'].map((f) => [f, true, false, sha(frozen[f])]),
    );
    expect(listed.reportDownloads[0].approvedBy).toBe('Approvato con deliberazione del Consiglio Comunale n. 50 del 01/03/2021');
  }, 300_000);

  it('verifies the frozen files, and refuses a modified copy', async () => {
    for (const format of ['pdf', 'xlsx', 'html', 'zip']) {
      const answer = await verify(frozen[format]);
      expect(answer).toMatchObject({ valid: true, file: { revision: 1, format } });
      expect(answer.message).toMatch(
        /^Sì: il file è l'originale digitale del rapporto sullo stato di attuazione del DUP 2020-2022 al 31\/12\/2020 dell'ente Comune di Livorno/,
      );
      expect(answer.message).toContain('Approvato con deliberazione del Consiglio Comunale n. 50 del 01/03/2021');
    }
    const modified = Buffer.from(frozen.pdf);
    modified[modified.length - 10] ^= 1;
    const answer = await verify(modified);
    expect(answer).toMatchObject({ valid: false, file: null });
    expect(answer.message).toMatch(/^No: il file non corrisponde a nessun rapporto approvato dell'ente Comune di Livorno/);
  }, 120_000);

  it("freezes Livorno's seeded approval (CC 195/2020) on first request, once, and verifies it", async () => {
    const first = await get(`/reports/${E}/2020-06-30.html`);
    expect(first.res.headers.get('x-report-cache')).toBe('frozen');
    expect(first.bytes.toString('utf8')).toContain('Approvato con deliberazione del Consiglio Comunale n. 195 del 13/11/2020');
    await t.db.orm.em.getConnection().execute(`update goal set title = title || ' (cambiata)'`);
    const second = await get(`/reports/${E}/2020-06-30.html`);
    expect(sha(second.bytes)).toBe(sha(first.bytes));
    expect(await verify(first.bytes)).toMatchObject({ valid: true });
  }, 300_000);

  it('reopens as a new revision (administrator, with a reason); the approved revision is still listed and served', async () => {
    expect(outcome(await t.gql(REOPEN, { e: E, d: P, r: 'Errore materiale nella finalità 1.01.01.' }, office))).toBe('FORBIDDEN');
    expect((await t.gql(REOPEN, { e: E, d: P, r: 'breve' }, admin)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const reopened = await ok<{ reopenReportingPeriod: unknown }>(t, REOPEN, { e: E, d: P, r: 'Errore materiale nella finalità 1.01.01.' }, admin);
    expect(reopened.reopenReportingPeriod).toEqual({ state: 'OPEN', revision: 2, reopenable: false, nextStates: ['COLLECTION_CLOSED'] });
    const [history] = await t.db.orm.em
      .getConnection()
      .execute<{ reason: string; previous_state: string; closed_revision: number }[]>(
        `select r.reason, r.previous_state, r.closed_revision from period_reopening r join reporting_period p on p.id = r.period_id where p.cutoff_date = ?`,
        [P],
      );
    expect(history).toEqual({ reason: 'Errore materiale nella finalità 1.01.01.', previous_state: 'APPROVED_BY_COUNCIL', closed_revision: 1 });
    expect((await writes(lead, 'riaperto')).setGoalStatus).toBe('OK');

    const listed = await ok<{
      reportDownloads: { format: string; url: string; revision: number; frozen: boolean; draft: boolean; approvedBy: string | null }[];
    }>(t, DOWNLOADS, { e: E, p: P }, office);
    const current = listed.reportDownloads.filter((d) => d.revision === 2);
    const past = listed.reportDownloads.filter((d) => d.revision === 1);
    expect(current.map((d) => [d.format, d.frozen, d.draft])).toEqual([
      ['pdf', false, true],
      ['xlsx', false, true],
      ['html', false, true],
    ]);
    expect(past.map((d) => [d.format, d.url])).toEqual(['html', 'pdf', 'xlsx', 'zip'].map((f) => [f, `/reports/${E}/${P}.${f}?revisione=1`]));
    expect(past.every((d) => d.frozen && d.approvedBy === 'Approvato con deliberazione del Consiglio Comunale n. 50 del 01/03/2021')).toBe(true);
    for (const format of ['pdf', 'html', 'zip']) {
      const { bytes } = await get(`/reports/${E}/${P}.${format}?revisione=1`);
      expect(sha(bytes)).toBe(sha(frozen[format]));
    }
    const fresh = await get(`/reports/${E}/${P}.html`);
    expect(fresh.res.headers.get('x-report-cache')).not.toBe('frozen');
    expect(fresh.bytes.toString('utf8')).not.toContain('Approvato con deliberazione');
    expect((await get(`/reports/${E}/${P}.zip`)).res.status).toBe(404);
    // The old revision's files still verify.
    expect(await verify(frozen.pdf)).toMatchObject({ valid: true, file: { revision: 1 } });
  }, 300_000);

  it('packages the approved period: renditions, CSV that LibreOffice opens with numbers, JSON, metadata with verifying hashes', async () => {
    const zip = await JSZip.loadAsync(frozen.zip);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(
      [
        'DUP-2020-2022_stato-attuazione_2020-12-31.html',
        'DUP-2020-2022_stato-attuazione_2020-12-31.pdf',
        'DUP-2020-2022_stato-attuazione_2020-12-31.xlsx',
        'SHA256SUMS',
        'dati.json',
        'finalita.csv',
        'indicatori.csv',
        'metadati.json',
        'obiettivi.csv',
        'spese.csv',
      ].sort(),
    );
    const meta = JSON.parse(await zip.file('metadati.json')!.async('string'));
    expect(meta).toMatchObject({
      ente: 'Comune di Livorno',
      edizione: '2020-2022',
      periodo: '31/12/2020',
      revisione: 1,
      attoDiApprovazione: { descrizione: 'Approvato con deliberazione del Consiglio Comunale n. 50 del 01/03/2021', numero: '50', data: '01/03/2021' },
      licenza: { codice: 'CC-BY-4.0' },
    });
    expect(meta.file).toHaveLength(8);
    for (const f of meta.file as { nome: string; sha256: string }[]) expect(sha(await zip.file(f.nome)!.async('uint8array'))).toBe(f.sha256);
    // The renditions in the package are the frozen ones.
    expect(sha(await zip.file('DUP-2020-2022_stato-attuazione_2020-12-31.pdf')!.async('uint8array'))).toBe(sha(frozen.pdf));

    const goalsCsv = await zip.file('finalita.csv')!.async('nodebuffer');
    expect([...goalsCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(goalsCsv.toString('utf8').split('\r\n')[0]).toContain('Ob. strategico;Ob. operativo;N.;Finalità;Capofila');

    // LibreOffice Calc opens the spending CSV (semicolons, UTF-8, Italian locale) and reads numbers:
    // Livorno's seeded period has the spending table (its package is frozen on this first request).
    const seeded = await get(`/reports/${E}/2020-06-30.zip`);
    expect(seeded.res.headers.get('x-report-cache')).toBe('frozen');
    const livorno = await JSZip.loadAsync(seeded.bytes);
    expect(await verify(seeded.bytes)).toMatchObject({ valid: true, file: { format: 'zip' } });
    const dir = mkdtempSync(join(tmpdir(), 'pacchetto-'));
    writeFileSync(join(dir, 'spese.csv'), await livorno.file('spese.csv')!.async('nodebuffer'));
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profilo`,
        '--infilter=CSV:59,34,76,1,,1040',
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        join(dir, 'spese.csv'),
      ],
      {
        stdio: 'ignore',
        timeout: 120_000,
      },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'spese.xlsx')) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const spending = JSON.parse(await livorno.file('dati.json')!.async('string')).tabelle.spese;
    expect(spending.righe.length).toBeGreaterThan(20);
    expect(header).toEqual(spending.colonne.map((c: { intestazione: string }) => c.intestazione));
    expect(sheet.rowCount).toBe(spending.righe.length + 1);
    const moneyColumn = spending.colonne.findIndex((c: { chiave: string }) => c.chiave === 'assestato');
    expect(moneyColumn).toBeGreaterThan(-1);
    const firstValue = sheet.getRow(2).getCell(moneyColumn + 1).value;
    expect(typeof firstValue).toBe('number');
    expect(firstValue).toBeCloseTo(Number(spending.righe[0].assestato), 2);
  }, 300_000);
});
