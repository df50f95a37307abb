import { createHash } from 'node:crypto';
import { AuditEntry, Role, SpendingExtract, SpendingRow } from '@dup/domain';
import { readShippedDataset } from '@dup/seed';
import { formatItalianAmount } from '@dup/spending-extract';
import { startTestServer, type TestServer } from './testing/test-server';

const EDITION = '2020-2022';
const APPROVED = '2020-06-30';
const DRAFT = '2020-12-31';

const SPENDING = /* GraphQL */ `
  query ($p: LocalDate!) {
    spending(edition: "2020-2022", period: $p) {
      missions {
        mission {
          code
        }
        total {
          ...A
        }
        programmes {
          programme {
            id
          }
          amounts {
            ...A
          }
        }
      }
      grandTotal {
        ...A
      }
    }
  }
  fragment A on SpendingAmounts {
    assestato
    impegnato
    liquidatoCompetenza
    residuiPassivi
    liquidatoResidui
    impegnatoSuAssestato
    liquidatoSuImpegnato
    liquidatoResiduiSuResidui
  }
`;
const VERSIONS = `query($p: LocalDate!) { spendingVersions(edition: "2020-2022", period: $p) { version current sha256 fileName loadedBy loadedAt rowCount } }`;

interface Upload {
  status: number;
  body: {
    code?: string;
    message?: string;
    outcome?: string;
    version?: number;
    rowCount?: number;
    sha256?: string;
    problems?: { row: number | null; column: string | null; field: string | null; code: string; message: string }[];
  };
}

describe('spending extracts: upload, template, versions', () => {
  let t: TestServer;
  let office: string;
  let officeName: string;
  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    // The second user of the server (the auditor is the first): password test-password-2-long.
    office = await t.loginAs(Role.PLANNING_OFFICE, { username: 'uff-prog' });
    officeName = 'uff-prog';
    const opened = await t.gql(`mutation { openReportingPeriod(edition: "${EDITION}", cutoffDate: "${DRAFT}") { state } }`, {}, office);
    expect(opened.errors).toBeUndefined();
  });
  afterAll(() => t.stop());

  const upload = async (token: string | null, period: string, bytes: Buffer, fileName: string, headers: Record<string, string> = {}): Promise<Upload> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    const res = await fetch(`${t.url}/imports/spending/${EDITION}/${period}`, {
      method: 'POST',
      body: form,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    return { status: res.status, body: (await res.json()) as Upload['body'] };
  };
  const template = async (token: string | null, period: string, format: 'xlsx' | 'csv', withFigures: boolean) => {
    const res = await fetch(`${t.url}/imports/spending/${EDITION}/${period}/modello.${format}${withFigures ? '?importi=si' : ''}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const spending = async (period: string) => {
    const res = await t.gql<{ spending: { missions: unknown[]; grandTotal: Record<string, string | null> } }>(SPENDING, { p: period });
    expect(res.errors).toBeUndefined();
    return res.data!.spending;
  };
  const versions = async (period: string, token?: string) => {
    const res = await t.gql<{
      spendingVersions: { version: number; current: boolean; sha256: string; fileName: string; loadedBy: string; rowCount: number }[];
    }>(VERSIONS, { p: period }, token);
    return res;
  };
  /** Everything an import may write, to prove that a refused one wrote nothing. */
  const footprint = async () => {
    const em = t.db.orm.em.fork();
    return {
      extracts: await em.count(SpendingExtract, {}),
      rows: await em.count(SpendingRow, {}),
      audit: await em.count(AuditEntry, { operation: 'LOAD_SPENDING_EXTRACT' }),
    };
  };
  const draftReportHtml = async () => {
    const res = await fetch(`${t.url}/reports/${EDITION}/${DRAFT}.html`, { headers: { authorization: `Bearer ${office}` } });
    expect(res.status).toBe(200);
    return res.text();
  };

  it('starts with an empty chapter 4 in the draft report of a new period, and the seed as version 1 of 30/06/2020', async () => {
    expect(await draftReportHtml()).not.toContain('Totale generale');
    const res = await versions(APPROVED, office);
    expect(res.errors).toBeUndefined();
    expect(res.data!.spendingVersions).toEqual([expect.objectContaining({ version: 1, current: true, loadedBy: 'seed', rowCount: 58 })]);
    expect((await versions(DRAFT, office)).data!.spendingVersions).toEqual([]);
  });

  it('lets only the planning office and administrators load, with a CSRF token for browser sessions', async () => {
    const before = await footprint();
    const { bytes } = await template(office, APPROVED, 'csv', true);
    const head = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['AMB_MOB'] });
    const council = await t.loginAs(Role.COUNCIL_MEMBER);
    expect((await upload(null, DRAFT, bytes, 'spese.csv')).body.code).toBe('UNAUTHENTICATED');
    for (const token of [head, council, t.defaultToken!]) {
      const res = await upload(token, DRAFT, bytes, 'spese.csv');
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    // A browser session: the cookie alone is not enough for an upload.
    const login = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "uff-prog", password: "test-password-2-long") { csrfToken } }' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrf = ((await login.json()) as { data: { login: { csrfToken: string } } }).data.login.csrfToken;
    const noToken = await upload(null, DRAFT, Buffer.from('x'), 'spese.csv', { cookie });
    expect([noToken.status, noToken.body.code]).toEqual([403, 'CSRF_TOKEN_INVALID']);
    const withToken = await upload(null, DRAFT, Buffer.from('x'), 'spese.csv', { cookie, 'x-csrf-token': csrf });
    expect(withToken.body.code).toBe('SPENDING_EXTRACT_INVALID');
    expect(await footprint()).toEqual(before);
    // Templates: the loaders and the auditors; not council members, not anonymous.
    expect((await template(null, DRAFT, 'xlsx', false)).status).toBe(401);
    expect((await template(council, DRAFT, 'xlsx', false)).status).toBe(403);
    expect((await template(t.defaultToken, DRAFT, 'xlsx', false)).status).toBe(200);
  });

  it('refuses a period whose data are final with PERIOD_LOCKED', async () => {
    const before = await footprint();
    const { bytes } = await template(office, APPROVED, 'csv', true);
    const changed = Buffer.from(bytes.toString('utf8').replace(/;0,00\r\n/, ';1,00\r\n'), 'utf8');
    const res = await upload(office, APPROVED, changed, 'spese.csv');
    expect([res.status, res.body.code]).toEqual([409, 'PERIOD_LOCKED']);
    expect(res.body.message).toBe('Il periodo al 30/06/2020 è approvato dal Consiglio: le sue spese non si possono più caricare.');
    expect(await footprint()).toEqual(before);
  });

  it('rejects an extract with any bad row as a whole, listing every problem with row, column and message', async () => {
    const before = await footprint();
    const { bytes } = await template(office, APPROVED, 'csv', true);
    const lines = bytes.toString('utf8').split('\r\n');
    lines[1] = lines[1].replace(/;[^;]+$/, ';-5,00'); // row 2: negative liquidato residui
    lines[3] = lines[3].replace(/^(\d\d;[^;]*;)\d\d/, '$199'); // row 4: unknown programme
    const res = await upload(office, DRAFT, Buffer.from(lines.join('\r\n'), 'utf8'), 'spese-errate.csv');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('SPENDING_EXTRACT_INVALID');
    expect(res.body.problems!.map((p) => [p.row, p.column, p.field, p.code])).toEqual([
      [2, 'I', 'Liquidato residui (E)', 'AMOUNT_NEGATIVE'],
      [4, 'C', 'Codice programma', 'PROGRAMME_UNKNOWN'],
    ]);
    expect(res.body.problems![0].message).toBe('Importo negativo "-5,00": gli importi della spesa non possono essere negativi.');
    expect(await footprint()).toEqual(before);
    const big = await upload(office, DRAFT, Buffer.alloc(3 * 1024 * 1024, 65), 'enorme.csv');
    expect([big.status, big.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
  });

  it('round trip: the Livorno table at 30/06/2020, exported to the template and re-imported, gives every amount and ratio to the cent', async () => {
    const before = await footprint();
    const xlsx = await template(office, APPROVED, 'xlsx', true);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toContain('spreadsheetml');
    const res = await upload(office, DRAFT, xlsx.bytes, 'spese-31-12-2020.xlsx');
    expect([res.status, res.body.outcome, res.body.version, res.body.rowCount]).toEqual([201, 'CREATED', 1, 58]);
    const sha256 = createHash('sha256').update(xlsx.bytes).digest('hex');
    expect(res.body.sha256).toBe(sha256);

    const original = await spending(APPROVED);
    expect(original.grandTotal.assestato).not.toBe('0.00');
    expect(await spending(DRAFT)).toEqual(original);

    // The audit trail keeps the file's fingerprint and who loaded it.
    const audit = await t.db.orm.em.fork().find(AuditEntry, { operation: 'LOAD_SPENDING_EXTRACT' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: officeName, actorRole: Role.PLANNING_OFFICE, entityType: 'SpendingExtract', before: null });
    expect(audit[0].after).toMatchObject({ version: 1, sha256, fileName: 'spese-31-12-2020.xlsx', rowCount: 58, loadedBy: officeName, format: 'xlsx' });
    expect(await footprint()).toEqual({ extracts: before.extracts + 1, rows: before.rows + 58, audit: before.audit + 1 });
  });

  it('is idempotent: the same figures again (even as CSV) change nothing and make no version', async () => {
    const before = await footprint();
    const csv = await template(office, APPROVED, 'csv', true);
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const res = await upload(office, DRAFT, csv.bytes, 'spese.csv');
    expect([res.status, res.body.outcome, res.body.version]).toEqual([200, 'UNCHANGED', 1]);
    const again = await upload(office, DRAFT, (await template(office, DRAFT, 'xlsx', true)).bytes, 'di-nuovo.xlsx');
    expect(again.body.outcome).toBe('UNCHANGED');
    expect(await footprint()).toEqual(before);
  });

  it('makes a new version for different figures, which the API and the draft report read; the old one stays', async () => {
    const admin = await t.loginAs(Role.ADMIN);
    const csv = (await template(office, DRAFT, 'csv', true)).bytes.toString('utf8');
    const lines = csv.split('\r\n');
    const row = lines.findIndex((l) => l.startsWith('01;') && /^\d/.test(l.split(';')[4] ?? ''));
    const cells = lines[row].split(';');
    const programmeId = `${cells[0]}.${cells[2]}`;
    cells[4] = '1.234.567,89'; // assestato
    lines[row] = cells.join(';');
    // No BOM this time: both are accepted.
    const res = await upload(admin, DRAFT, Buffer.from(lines.join('\r\n'), 'utf8'), 'spese-rettifica.csv');
    expect([res.status, res.body.outcome, res.body.version]).toEqual([201, 'CREATED', 2]);

    const list = (await versions(DRAFT)).data!.spendingVersions; // as auditor
    expect(list.map((v) => [v.version, v.current, v.fileName, v.rowCount])).toEqual([
      [2, true, 'spese-rettifica.csv', 58],
      [1, false, 'spese-31-12-2020.xlsx', 58],
    ]);
    const draft = (await spending(DRAFT)) as unknown as {
      missions: { programmes: { programme: { id: string }; amounts: Record<string, string> }[] }[];
      grandTotal: Record<string, string>;
    };
    const changed = draft.missions.flatMap((m) => m.programmes).find((p) => p.programme.id === programmeId)!;
    expect(changed.amounts['assestato']).toBe('1234567.89');
    const em = t.db.orm.em.fork();
    expect(await em.count(SpendingRow, { extract: { version: 1, period: { cutoffDate: DRAFT } } })).toBe(58);

    // Chapter 4 of the draft report prints the loaded table, total included.
    const html = await draftReportHtml();
    expect(html).toContain('Totale generale');
    expect(html).toContain(formatItalianAmount(draft.grandTotal['assestato']));
    expect(html).toContain(formatItalianAmount('1234567.89'));
  });

  it('shows the versions only to the office, administrators and auditors', async () => {
    const council = await t.loginAs(Role.COUNCIL_MEMBER);
    const res = await versions(DRAFT, council);
    expect(res.errors![0].extensions!['code']).toBe('FORBIDDEN');
  });
});
