import ExcelJS from 'exceljs';
import { Role } from '@dup/domain';
import { FIRST_DATA_ROW, LEAD_COLUMNS, SHEETS } from '@dup/exchange/collection-workbook';
import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from './testing/test-server';
import { M, ok } from './testing/write-fixtures';

/** The collection workbook over HTTP: download, fill, upload, then read the values back through GraphQL. */
describe('collection workbook over HTTP', () => {
  let t: TestServer;
  let head: string;
  let office: string;

  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('livorno-dup-2020-2022')] });
    office = await t.loginAs(Role.PLANNING_OFFICE);
    head = await t.loginAs(Role.DEPARTMENT_HEAD, { departmentCodes: ['AMB_MOB'] });
    await ok(t, M.openPeriod, { e: '2020-2022', d: '2020-12-31' }, office);
  });
  afterAll(() => t.stop());

  const download = (path: string, token: string) => fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const upload = (bytes: Buffer, token: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), 'raccolta.xlsx');
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return fetch(`${t.url}/imports/collection`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  };

  it('round trip: the uploaded values are what GraphQL reads', async () => {
    const res = await download('/collection/2020-2022/2020-12-31.xlsx?settore=AMB_MOB', head);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('DUP-2020-2022_raccolta_2020-12-31_AMB_MOB.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const lead = wb.getWorksheet(SHEETS.lead)!;
    const goalId = String(lead.getCell(FIRST_DATA_ROW, 1).value);
    lead.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.narrative.col).value = 'Cantiere aperto a ottobre.';
    lead.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.state.col).value = 'In corso';
    lead.getCell(FIRST_DATA_ROW, LEAD_COLUMNS.percent.col).value = 60;
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    const wrong = await upload(filled, head, { settore: 'SERV_FIN' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ reason: 'OTHER_DEPARTMENT', problems: [expect.objectContaining({ sheet: null })] });

    const uploaded = await upload(filled, head, { period: '2020-12-31', settore: 'AMB_MOB' });
    expect(uploaded.status).toBe(200);
    expect(await uploaded.json()).toMatchObject({ written: 1, department: 'AMB_MOB' });
    const read = await t.gql<{ goal: { statuses: { narrative: string; declaredState: string; percentComplete: string }[] } }>(
      `query($id: ID!) { goal(id: $id) { statuses(period: "2020-12-31") { narrative declaredState percentComplete } } }`,
      { id: goalId },
    );
    expect(read.data?.goal.statuses).toEqual([{ narrative: 'Cantiere aperto a ottobre.', declaredState: 'IN_PROGRESS', percentComplete: '60.00' }]);
  });

  it('gives the planning office every department as a zip, and refuses a head another department', async () => {
    const zip = await download('/collection/2020-2022/2020-12-31.zip', office);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const other = await download('/collection/2020-2022/2020-12-31.xlsx?settore=SERV_FIN', head);
    expect(other.status).toBe(403);
    expect((await upload(Buffer.from('nulla'), head)).status).toBe(400);
  });
});
