import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, openSecondHalf2020 } from './support/api';
import { inspect, logIn, openSession, PHONE, SCREENSHOT_DIR } from './support/browser';
import { DEMO } from './support/demo-users';
import { useServiceAndBrowser } from './support/harness';

const PERIOD = '2020-12-31';
const NARRATIVE = 'Compilato nella cartella Excel: gara aggiudicata nel secondo semestre.';

/** Raccolta Excel: the department head downloads the department's workbook, fills it and loads it back; the planning office gets every department's. */
describe('Raccolta Excel', () => {
  const harness = useServiceAndBrowser();
  const dir = join(SCREENSHOT_DIR, '..', 'e2e-files');

  beforeAll(async () => {
    await openSecondHalf2020(await ApiClient.login(harness.service.url, DEMO.planning));
    mkdirSync(dir, { recursive: true });
  });

  it('the department head downloads the workbook, loads it filled, and sees the problem of a broken file', async () => {
    const { page, pageErrors, foreignRequests } = await openSession(harness.browser, harness.service.url);
    await logIn(page, DEMO.head);
    await page.getByRole('link', { name: 'Le mie finalità' }).click();
    const panel = page.getByRole('region', { name: 'Raccolta Excel al 31/12/2020' });
    await panel.waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel
        .getByRole('link', { name: /^Cartella .*\(\.xlsx\)$/ })
        .first()
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(`DUP-2020-2022_raccolta_${PERIOD}_AMB_MOB.xlsx`);
    const bytes = readFileSync((await download.path())!);
    // An xlsx is a zip ("PK\3\4") that a spreadsheet library opens, with the collection's sheets.
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const lead = wb.getWorksheet('Finalità capofila')!;
    expect(lead.getCell('H3').value).toBe('Stato di attuazione al periodo');

    // Fill the first goal's narrative and state, as the department would in Excel (row 4 is the first data row).
    lead.getCell('H4').value = NARRATIVE;
    lead.getCell('I4').value = 'In corso';
    const filled = join(dir, 'raccolta-compilata.xlsx');
    writeFileSync(filled, Buffer.from(await wb.xlsx.writeBuffer()));

    const summary = page.getByText(/finalità.*di cui \d+ da compilare/);
    const toFill = Number(/di cui (\d+) da compilare/.exec(await summary.innerText())![1]);
    await panel.getByLabel(/Cartella compilata/).setInputFiles(filled);
    await panel.getByRole('button', { name: 'Carica la cartella' }).click();
    await panel.getByText(/Cartella del settore AMB_MOB caricata: 1 riga registrata, \d+ righe invariate\./).waitFor();
    // The list is read again: one goal fewer to fill.
    await page.getByText(`di cui ${toFill - 1} da compilare.`, { exact: false }).waitFor();
    await inspect(page, 'raccolta-caricata');

    // The goal now has the narrative, read back through GraphQL.
    const head = await ApiClient.login(harness.service.url, DEMO.head);
    const goalId = String(lead.getCell('A4').value);
    const data = await head.ok<{ goal: { statuses: { narrative: string; declaredState: string }[] } }>(
      `query($id: ID!) { goal(id: $id) { statuses(period: "${PERIOD}") { narrative declaredState } } }`,
      { id: goalId },
    );
    expect(data.goal.statuses[0]).toMatchObject({ narrative: NARRATIVE, declaredState: 'IN_PROGRESS' });

    // The same file again changes nothing.
    await panel.getByLabel(/Cartella compilata/).setInputFiles(filled);
    await panel.getByRole('button', { name: 'Carica la cartella' }).click();
    await panel.getByText(/Nessuna modifica: la cartella del settore AMB_MOB ha \d+ righe già registrate così\./).waitFor();

    // The same workbook with another text for that goal: the goal changed on the site since this workbook was downloaded, so it is a conflict, not an overwrite.
    lead.getCell('H4').value = 'Un altro testo, scritto sulla copia vecchia.';
    const stale = join(dir, 'raccolta-superata.xlsx');
    writeFileSync(stale, Buffer.from(await wb.xlsx.writeBuffer()));
    await panel.getByLabel(/Cartella compilata/).setInputFiles(stale);
    await panel.getByRole('button', { name: 'Carica la cartella' }).click();
    await panel.getByRole('alert').filter({ hasText: 'modificate sul sito dopo lo scaricamento della cartella e non sono state sovrascritte' }).waitFor();
    const conflicts = panel.getByRole('table', { name: /Problemi della cartella \(1\)/ });
    await conflicts.getByRole('cell', { name: /In conflitto Riga modificata sul sito dopo lo scaricamento/ }).waitFor();
    await conflicts.getByRole('cell', { name: 'Finalità capofila' }).waitFor();
    await inspect(page, 'raccolta-conflitto');

    // A text file renamed .xlsx: refused, with the Italian problem located at the whole file.
    const broken = join(dir, 'raccolta-rotta.xlsx');
    writeFileSync(broken, 'questo non è un file Excel\n');
    await panel.getByLabel(/Cartella compilata/).setInputFiles(broken);
    await panel.getByRole('button', { name: 'Carica la cartella' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Il file non è una cartella di lavoro Excel (.xlsx)' }).waitFor();
    const problems = panel.getByRole('table', { name: /Problemi della cartella/ });
    await problems.getByRole('cell', { name: 'Tutto il file' }).waitFor();
    expect(await problems.getByRole('row').count()).toBe(2);
    await inspect(page, 'raccolta-errore');
    // The refused uploads' 400 and 409 are the only errors the browser logs.
    expect(pageErrors.filter((e) => !/status of 40[09]/.test(e))).toEqual([]);
    expect(foreignRequests).toEqual([]);

    const phone = await openSession(harness.browser, harness.service.url, PHONE);
    await logIn(phone.page, DEMO.head);
    await phone.page.goto('/finalita');
    await phone.page.getByRole('region', { name: 'Raccolta Excel al 31/12/2020' }).waitFor();
    await inspect(phone.page, 'raccolta-390');
  });

  it('the planning office downloads every department workbook from the home page', async () => {
    const { page } = await openSession(harness.browser, harness.service.url);
    await logIn(page, DEMO.planning);
    const panel = page.getByRole('region', { name: 'Raccolta Excel al 31/12/2020' });
    await panel.waitFor();
    expect(await panel.getByRole('link', { name: /^Cartella .*\(\.xlsx\)$/ }).count()).toBeGreaterThan(1);
    const [zip] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: 'Tutti i settori (zip)' }).click()]);
    expect(zip.suggestedFilename()).toBe(`DUP-2020-2022_raccolta_${PERIOD}.zip`);
    expect(
      readFileSync((await zip.path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    await panel.getByLabel(/Cartella compilata/).waitFor();
    await inspect(page, 'raccolta-ufficio');

    const phone = await openSession(harness.browser, harness.service.url, PHONE);
    await logIn(phone.page, DEMO.planning);
    await phone.page.getByRole('region', { name: 'Raccolta Excel al 31/12/2020' }).waitFor();
    await inspect(phone.page, 'raccolta-ufficio-390');
  });
});
