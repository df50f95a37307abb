import { Goal, Role } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';
import { M, ok, outcome } from './testing/write-fixtures';

const DOWNLOADS = /* GraphQL */ `
  query ($period: LocalDate!, $ambito: String) {
    reportDownloads(edition: "2020-2022", period: $period, ambito: $ambito) {
      format
      url
      draft
      periodState
      ambito
      scopeLabel
    }
  }
`;
const FILES = /* GraphQL */ `
  query ($period: LocalDate!, $ambito: String) {
    reportDownloads(edition: "2020-2022", period: $period, ambito: $ambito) {
      format
      url
      file {
        sizeBytes
        pageCount
        generatedAt
        dataUpdatedAt
      }
    }
  }
`;
const SCOPES = /* GraphQL */ `
  query ($period: LocalDate!) {
    reportScopes(edition: "2020-2022", period: $period) {
      kind
      ambito
      label
      lineNumber
      lineTitle
      departmentCode
      departmentName
    }
  }
`;

type Download = { format: string; url: string; draft: boolean; periodState: string; ambito: string; scopeLabel: string };
type FileDownload = { format: string; url: string; file: { sizeBytes: number; pageCount: number | null; generatedAt: string; dataUpdatedAt: string | null } };
type Scope = {
  kind: string;
  ambito: string;
  label: string;
  lineNumber: number | null;
  lineTitle: string | null;
  departmentCode: string | null;
  departmentName: string | null;
};

const APPROVED = '2020-06-30';
const DRAFT = '2020-12-31';

/** The "Documenti" screen: which documents a viewer may download, marked as drafts, with size and dates. */
describe('documents list (Livorno)', () => {
  let t: TestServer;
  let council: string;
  let head: string;
  let office: string;
  const downloads = (token: string, period: string, ambito?: string) =>
    ok<{ reportDownloads: Download[] }>(t, DOWNLOADS, { period, ambito }, token).then((d) => d.reportDownloads);
  const scopes = (token: string, period: string) => ok<{ reportScopes: Scope[] }>(t, SCOPES, { period }, token).then((d) => d.reportScopes);
  const files = (token: string, period: string, ambito?: string) =>
    ok<{ reportDownloads: FileDownload[] }>(t, FILES, { period, ambito }, token).then((d) => d.reportDownloads);
  const download = (path: string, token: string) => fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    council = await t.loginAs(Role.COUNCIL_MEMBER);
    head = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['AMB_MOB'] });
    office = await t.loginAs(Role.PLANNING_OFFICE);
    await ok(t, M.openPeriod, { e: '2020-2022', d: DRAFT }, office);
    // The rendition cache is what these tests check: noted by the Giunta (readable by council
    // members) but not approved, so nothing is frozen (approved periods: period-approval.e2e-spec.ts).
    await t.db.orm.em.getConnection().execute(`update reporting_period set state = 'NOTED_BY_GIUNTA' where cutoff_date = '2020-06-30'`);
  });
  afterAll(() => t.stop());

  it('marks each document with its period state, draft flag and Italian scope', async () => {
    expect(await downloads(council, APPROVED)).toEqual(
      ['pdf', 'xlsx', 'html'].map((format) =>
        expect.objectContaining({ format, draft: false, periodState: 'NOTED_BY_GIUNTA', ambito: 'completo', scopeLabel: 'Documento completo' }),
      ),
    );
    expect((await downloads(council, APPROVED, 'linea-3'))[0]).toMatchObject({ ambito: 'linea-3', scopeLabel: 'Linea 3 — La sicurezza come bene comune' });
    expect((await downloads(head, APPROVED, 'settore-AMB_MOB'))[0]).toMatchObject({ ambito: 'settore-AMB_MOB', scopeLabel: 'Settore Ambiente e mobilità' });
    expect((await downloads(office, DRAFT))[0]).toMatchObject({ draft: true, periodState: 'OPEN' });
    expect((await downloads(head, DRAFT, 'settore-AMB_MOB'))[0]).toMatchObject({ draft: true, periodState: 'OPEN' });
    expect(outcome(await t.gql(DOWNLOADS, { period: DRAFT }, council))).toBe('FORBIDDEN');
  });

  it('refuses unknown lines and departments before any rendering', async () => {
    const line = await t.gql(DOWNLOADS, { period: APPROVED, ambito: 'linea-42' }, council);
    expect(line.errors![0]).toMatchObject({
      message: 'La linea di mandato 42 non esiste in questa edizione.',
      extensions: { code: 'NOT_FOUND', field: 'scope' },
    });
    const department = await t.gql(DOWNLOADS, { period: APPROVED, ambito: 'settore-NESSUNO' }, office);
    expect(department.errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'scope' } });
  });

  it('gives size, pages and dates of each file, rendering once per format and reusing it afterwards', async () => {
    const first = await files(council, APPROVED);
    const pdf = first.find((f) => f.format === 'pdf')!.file;
    expect(pdf.pageCount).toBeGreaterThan(100);
    expect(first.filter((f) => f.format !== 'pdf').map((f) => f.file.pageCount)).toEqual([null, null]);
    expect(Math.abs(Date.now() - Date.parse(pdf.generatedAt))).toBeLessThan(120_000);
    expect(Date.parse(pdf.dataUpdatedAt!)).toBeLessThanOrEqual(Date.parse(pdf.generatedAt));

    // The browser's click gets exactly the file described, from the same cache.
    for (const entry of first) {
      const res = await download(entry.url, council);
      expect(res.headers.get('x-report-cache')).toBe('hit');
      expect((await res.arrayBuffer()).byteLength).toBe(entry.file.sizeBytes);
      if (entry.format === 'pdf') expect(Number(res.headers.get('x-report-pages'))).toBe(pdf.pageCount);
    }

    // Asking again renders nothing and reads no plan data: one data-version read per format and the period's last change.
    const before = t.counter.totalStatements;
    await downloads(council, APPROVED);
    const withoutFiles = t.counter.totalStatements - before;
    const again = await files(council, APPROVED);
    const withFiles = t.counter.totalStatements - before - withoutFiles;
    expect(again).toEqual(first);
    expect(withFiles - withoutFiles).toBe(4);
  });

  it('renders again once the data changed, and dates the change', async () => {
    const [before] = await files(office, DRAFT, 'settore-AMB_MOB');
    const goal = await t.db.orm.em.fork().findOneOrFail(Goal, { objective: { code: '6.01.01' }, position: 1 });
    const writtenAfter = Date.now();
    await ok(t, M.setStatus, { input: { goalId: goal.id, period: DRAFT, declaredState: 'IN_PROGRESS', narrative: 'Redazione del PUMS avviata.' } }, head);
    const [after] = await files(office, DRAFT, 'settore-AMB_MOB');
    expect(Date.parse(after.file.generatedAt)).toBeGreaterThan(Date.parse(before.file.generatedAt));
    expect(Date.parse(after.file.dataUpdatedAt!)).toBeGreaterThanOrEqual(writtenAfter - 1000);
    expect(after.file.sizeBytes).not.toBe(before.file.sizeBytes);
  });

  it('lists every scope to the planning office, drafts included, with lines and departments named', async () => {
    const all = await scopes(office, DRAFT);
    expect(all[0]).toEqual({
      kind: 'FULL',
      ambito: 'completo',
      label: 'Documento completo',
      lineNumber: null,
      lineTitle: null,
      departmentCode: null,
      departmentName: null,
    });
    const lines = all.filter((s) => s.kind === 'MANDATE_LINE');
    expect(lines.map((l) => l.lineNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lines[5]).toMatchObject({
      ambito: 'linea-6',
      lineTitle: 'Una città in movimento: per una mobilità sicura e sostenibile',
      label: 'Linea 6 — Una città in movimento: per una mobilità sicura e sostenibile',
    });
    const departments = all.filter((s) => s.kind === 'DEPARTMENT');
    expect(departments.length).toBeGreaterThan(15);
    expect(departments).toContainEqual(
      expect.objectContaining({
        ambito: 'settore-AMB_MOB',
        departmentCode: 'AMB_MOB',
        departmentName: 'Ambiente e mobilità',
        label: 'Settore Ambiente e mobilità',
      }),
    );
    expect(departments.map((d) => d.departmentName)).toEqual([...departments.map((d) => d.departmentName)].sort((a, b) => a!.localeCompare(b!, 'it')));
    expect(await scopes(office, APPROVED)).toEqual(all);
  });

  it('lists only what each viewer may download, and each listed scope downloads', async () => {
    expect((await scopes(head, DRAFT)).map((s) => s.ambito)).toEqual(['settore-AMB_MOB']);
    expect(await scopes(council, DRAFT)).toEqual([]);
    const councilScopes = await scopes(council, APPROVED);
    expect(councilScopes.length).toBe((await scopes(office, APPROVED)).length);
    for (const [token, period] of [
      [council, APPROVED],
      [head, DRAFT],
    ] as const) {
      for (const scope of await scopes(token, period)) expect(outcome(await t.gql(DOWNLOADS, { period, ambito: scope.ambito }, token))).toBe('OK');
    }
    expect(outcome(await t.gql(DOWNLOADS, { period: APPROVED, ambito: 'completo' }, head))).toBe('FORBIDDEN');
  });

  it('refuses unknown periods and anonymous callers with coded errors', async () => {
    const unknown = await t.gql(SCOPES, { period: '2030-06-30' }, office);
    expect(unknown.errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'period' } });
    expect(outcome(await t.gql(SCOPES, { period: '31/12/2020' }, office))).toBe('BAD_USER_INPUT');
    expect(outcome(await t.gql(SCOPES, { period: APPROVED }, null))).toBe('UNAUTHENTICATED');
  });
});
