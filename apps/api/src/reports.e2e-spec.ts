import { Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';

const LINKS = /* GraphQL */ `
  query Links($edition: String!, $period: LocalDate!, $ambito: String) {
    reportDownloads(edition: $edition, period: $period, ambito: $ambito) {
      format
      url
      fileName
      contentType
      description
    }
  }
`;

/** Report downloads over HTTP and their links in GraphQL, with the access rules of each role. */
describe('report delivery', () => {
  let t: TestServer;
  let council: string;
  let head: string;

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    council = await t.loginAs(Role.COUNCIL_MEMBER);
    head = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['AMB_MOB'] });
    // Rendering is what these tests check: the Giunta has taken note, the council has not approved
    // yet, so nothing is frozen (approved periods: period-approval.e2e-spec.ts).
    await t.db.orm.em.getConnection().execute(`update reporting_period set state = 'NOTED_BY_GIUNTA' where cutoff_date = '2020-06-30'`);
  });
  afterAll(() => t.stop());

  const get = (path: string, token: string | null = t.defaultToken) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('serves the full PDF with its content type and a meaningful file name', async () => {
    const res = await get('/reports/2020-2022/2020-06-30.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="DUP-2020-2022_stato-attuazione_2020-06-30.pdf"');
    expect(Number(res.headers.get('x-report-pages'))).toBeGreaterThan(100);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
  });

  it('serves Excel and HTML, and reuses a rendition while the data is unchanged', async () => {
    const xlsx = await get('/reports/2020-2022/2020-06-30.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toContain('filename="DUP-2020-2022_stato-attuazione_2020-06-30.xlsx"');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');

    const html = await get('/reports/2020-2022/2020-06-30.html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toContain('inline');
    expect(await html.text()).toContain('<html lang="it"');

    const again = await get('/reports/2020-2022/2020-06-30.html');
    expect(again.headers.get('x-report-cache')).toBe('hit');
  });

  it('renders again after the plan data changes', async () => {
    expect((await get('/reports/2020-2022/2020-06-30.html')).headers.get('x-report-cache')).toBe('hit');
    await t.db.orm.em
      .getConnection()
      .execute(`update goal set description = description || ' (aggiornata)' where id = (select id from goal order by id limit 1)`);
    const res = await get('/reports/2020-2022/2020-06-30.html');
    expect(res.headers.get('x-report-cache')).toBe('miss');
    expect(await res.text()).toContain('(aggiornata)');
  });

  it('narrows to one mandate line', async () => {
    const res = await get('/reports/2020-2022/2020-06-30.html?ambito=linea-3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('DUP-2020-2022_stato-attuazione_2020-06-30_linea-3.html');
    const html = await res.text();
    expect(html).toContain('Obiettivo operativo 3.01.01_OP');
    expect(html).not.toContain('Obiettivo operativo 1.01.01_OP');
  });

  it('refuses anonymous callers, bad requests and unknown periods with coded Italian errors', async () => {
    const anonymous = await get('/reports/2020-2022/2020-06-30.pdf', null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('Accesso richiesto') });

    const badFormat = await get('/reports/2020-2022/2020-06-30.docx');
    expect(badFormat.status).toBe(400);
    expect(await badFormat.json()).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('Formato "docx"') });

    const badScope = await get('/reports/2020-2022/2020-06-30.pdf?ambito=tutto');
    expect(badScope.status).toBe(400);

    const badDate = await get('/reports/2020-2022/30-06-2020.pdf');
    expect(badDate.status).toBe(400);

    const unknown = await get('/reports/2020-2022/2020-12-31.pdf');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });

    const line = await get('/reports/2020-2022/2020-06-30.pdf?ambito=linea-42');
    expect(line.status).toBe(404);
  });

  it('lets department heads download only their own departments’ goals', async () => {
    expect((await get('/reports/2020-2022/2020-06-30.html', head)).status).toBe(403);
    expect((await get('/reports/2020-2022/2020-06-30.html?ambito=settore-POL_SOC', head)).status).toBe(403);
    const own = await get('/reports/2020-2022/2020-06-30.html?ambito=settore-AMB_MOB', head);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('Settore Ambiente e mobilità');
  });

  it('gives council members a report only once the Giunta has taken note of the period', async () => {
    expect((await get('/reports/2020-2022/2020-06-30.html', council)).status).toBe(200);
    const links = await t.gql<{ reportDownloads: { format: string; url: string; fileName: string }[] }>(
      LINKS,
      { edition: '2020-2022', period: '2020-06-30' },
      council,
    );
    expect(links.data!.reportDownloads.map((l) => [l.format, l.url, l.fileName])).toEqual([
      ['pdf', '/reports/2020-2022/2020-06-30.pdf', 'DUP-2020-2022_stato-attuazione_2020-06-30.pdf'],
      ['xlsx', '/reports/2020-2022/2020-06-30.xlsx', 'DUP-2020-2022_stato-attuazione_2020-06-30.xlsx'],
      ['html', '/reports/2020-2022/2020-06-30.html', 'DUP-2020-2022_stato-attuazione_2020-06-30.html'],
    ]);

    await t.db.orm.em.getConnection().execute(`update reporting_period set state = 'IN_REVIEW' where cutoff_date = '2020-06-30'`);
    try {
      const draft = await get('/reports/2020-2022/2020-06-30.html', council);
      expect(draft.status).toBe(403);
      expect(await draft.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining("preso d'atto") });
      const refused = await t.gql(LINKS, { edition: '2020-2022', period: '2020-06-30' }, council);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // Auditors read drafts.
      expect((await get('/reports/2020-2022/2020-06-30.html')).status).toBe(200);
    } finally {
      await t.db.orm.em.getConnection().execute(`update reporting_period set state = 'NOTED_BY_GIUNTA' where cutoff_date = '2020-06-30'`);
    }
  });

  it('gives scoped links through GraphQL', async () => {
    const res = await t.gql<{ reportDownloads: { url: string; fileName: string }[] }>(
      LINKS,
      { edition: '2020-2022', period: '2020-06-30', ambito: 'settore-AMB_MOB' },
      head,
    );
    expect(res.data!.reportDownloads[0]).toEqual(
      expect.objectContaining({
        url: '/reports/2020-2022/2020-06-30.pdf?ambito=settore-AMB_MOB',
        fileName: 'DUP-2020-2022_stato-attuazione_2020-06-30_settore-AMB_MOB.pdf',
      }),
    );
    const bad = await t.gql(LINKS, { edition: '2020-2022', period: '2020-06-30', ambito: 'tutto' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scope' });
  });

  describe('configurable texts', () => {
    const TEXTS = /* GraphQL */ `
      query Texts($period: LocalDate) {
        reportTexts(edition: "2020-2022", period: $period) {
          key
          origin
          markdown
          updatedBy
        }
      }
    `;
    const SET = /* GraphQL */ `
      mutation Set($key: ReportTextKey!, $markdown: String, $period: LocalDate) {
        setReportText(edition: "2020-2022", key: $key, markdown: $markdown, period: $period) {
          key
          origin
          markdown
          updatedBy
        }
      }
    `;
    let planner: string;
    beforeAll(async () => {
      planner = await t.loginAs(Role.PLANNING_OFFICE);
    });

    it('shows where each text comes from: period, edition or default', async () => {
      const res = await t.gql<{ reportTexts: { key: string; origin: string; markdown: string }[] }>(TEXTS, { period: '2020-06-30' });
      const byKey = Object.fromEntries(res.data!.reportTexts.map((r) => [r.key, r]));
      expect(Object.keys(byKey)).toEqual(['mandateIntro', 'normativeFramework', 'editionHistory', 'internalControls', 'statusIntro']);
      expect(byKey.statusIntro).toMatchObject({ origin: 'PERIOD', markdown: expect.stringContaining('avviata nel mese di luglio') });
      expect(byKey.internalControls).toMatchObject({ origin: 'EDITION', markdown: expect.stringContaining('Disciplina dei controlli interni') });
    });

    it('freezes the texts of a report the Giunta has taken note of', async () => {
      const res = await t.gql(SET, { key: 'internalControls', markdown: 'Nuovo testo' }, planner);
      expect(res.errors?.[0].extensions?.code).toBe('PERIOD_LOCKED');
      expect(res.errors?.[0].message).toContain('30/06/2020');
    });

    it('lets the planning office change a text, audited, and the report follows', async () => {
      await t.db.orm.em.getConnection().execute(`update reporting_period set state = 'OPEN' where cutoff_date = '2020-06-30'`);
      try {
        expect((await t.gql(SET, { key: 'internalControls', markdown: 'Testo' }, council)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect((await t.gql(SET, { key: 'internalControls', markdown: '   ' }, planner)).errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'markdown',
        });

        const set = await t.gql<{ setReportText: { key: string; origin: string; updatedBy: string }[] }>(
          SET,
          { key: 'internalControls', markdown: '### Controlli\n\nIl **nuovo** regolamento dei controlli interni.' },
          planner,
        );
        expect(set.errors).toBeUndefined();
        expect(set.data!.setReportText.find((r) => r.key === 'internalControls')).toMatchObject({
          origin: 'EDITION',
          updatedBy: expect.stringMatching(/^planning-office/),
        });
        const html = await (await get('/reports/2020-2022/2020-06-30.html')).text();
        expect(html).toContain('nuovo</strong> regolamento dei controlli interni');

        const audit = await t.db.orm.em.getConnection().execute(`select count(*)::int as n from audit_entry where operation = 'SET_REPORT_TEXT'`);
        expect(audit[0].n).toBe(1);

        // A reference to an objective: refused when its code is unknown, a link in HTML otherwise.
        const unknown = await t.gql(SET, { key: 'internalControls', markdown: 'Si veda {{pagina:9.99.99}}.' }, planner);
        expect(unknown.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'markdown',
          reason: 'UNKNOWN_PAGE_REFERENCE',
          codes: ['9.99.99'],
        });
        expect(unknown.errors?.[0].message).toContain('{{pagina:9.99.99}}');
        const known = await t.gql(SET, { key: 'internalControls', markdown: 'Si veda (v., infra, {{pagina:9.02.22}}).' }, planner);
        expect(known.errors).toBeUndefined();
        const linked = await (await get('/reports/2020-2022/2020-06-30.html')).text();
        expect(linked).toContain('Si veda (v., infra, <a href="#oo-9-02-22">obiettivo 9.02.22</a>).');
        expect(linked).toContain('id="oo-9-02-22"');

        const reset = await t.gql<{ setReportText: { key: string; origin: string }[] }>(SET, { key: 'internalControls', markdown: null }, planner);
        expect(reset.data!.setReportText.find((r) => r.key === 'internalControls')!.origin).toBe('DEFAULT');
      } finally {
        await t.db.orm.em.getConnection().execute(`update reporting_period set state = 'NOTED_BY_GIUNTA' where cutoff_date = '2020-06-30'`);
      }
    });
  });
});
