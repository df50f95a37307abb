import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { inspect, logIn, openSession, PHONE } from './support/browser';
import { DEMO } from './support/demo-users';
import { ApiClient, openSecondHalf2020 } from './support/api';
import { useServiceAndBrowser } from './support/harness';

/** The first render of the full PDF takes seconds on this machine; later ones come from the cache. */
const RENDER_TIMEOUT = 150_000;

/** Documenti: a council member downloads the approved report with one click; drafts are marked. */
describe('Documenti', () => {
  const harness = useServiceAndBrowser();

  const openDocuments = async (page: Page) => {
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Documenti' }).click();
    await page.getByRole('heading', { level: 1, name: 'Documenti' }).waitFor();
  };

  it('lets a council member download the full PDF with one click, and shows Excel and HTML with their sizes', async () => {
    const { page, pageErrors, foreignRequests } = await openSession(harness.browser, harness.service.url);
    await logIn(page, DEMO.council);
    await openDocuments(page);
    // The approved period is chosen for them, with the full document first.
    expect(await page.getByLabel('Periodo di rendicontazione').inputValue()).toBe('2020-06-30');
    await page.getByRole('heading', { level: 2, name: 'Documento completo' }).waitFor();
    expect(await page.getByText('Bozza', { exact: true }).count()).toBe(0);

    const pdfLink = page.getByRole('link', { name: 'Scarica il PDF' });
    const started = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: RENDER_TIMEOUT }), pdfLink.click()]);
    expect(download.suggestedFilename()).toBe('DUP-2020-2022_stato-attuazione_2020-06-30.pdf');
    const bytes = readFileSync((await download.path())!);
    process.stdout.write(`full PDF downloaded in ${Date.now() - started} ms: ${bytes.length} bytes\n`);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(100 * 1024);
    expect(page.url()).toBe(`${harness.service.url}/documenti`);

    // Sizes follow the links; each format says its size (Italian units) once rendered.
    const items = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /Scarica|Apri/ }) });
    await page.getByText(/pagine · generato il/).waitFor({ timeout: RENDER_TIMEOUT });
    for (const name of ['Scarica il PDF', 'Scarica il file Excel', 'Apri la versione HTML']) {
      const item = items.filter({ has: page.getByRole('link', { name }) });
      await item.getByText(/^\d+(,\d)? (kB|MB)/).waitFor({ timeout: RENDER_TIMEOUT });
    }
    expect(await page.getByRole('link', { name: 'Scarica il file Excel' }).getAttribute('href')).toBe('/reports/2020-2022/2020-06-30.xlsx');
    expect(await page.getByRole('link', { name: 'Apri la versione HTML' }).getAttribute('href')).toBe('/reports/2020-2022/2020-06-30.html');
    await inspect(page, 'documenti-consigliere');

    // One department's documents: the scope is kept in the address.
    await page.getByLabel('Ambito del documento').selectOption({ label: 'Settore Ambiente e mobilità' });
    await page.getByRole('heading', { level: 2, name: 'Settore Ambiente e mobilità' }).waitFor();
    expect(page.url()).toContain('ambito=settore-AMB_MOB');
    expect(await page.getByRole('link', { name: 'Scarica il PDF' }).getAttribute('href')).toBe('/reports/2020-2022/2020-06-30.pdf?ambito=settore-AMB_MOB');
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('works on a phone, the file facts arriving after the links', async () => {
    const { page } = await openSession(harness.browser, harness.service.url, PHONE);
    await logIn(page, DEMO.council);
    await page.goto('/documenti?ambito=linea-1');
    await page.getByRole('link', { name: 'Scarica il PDF' }).waitFor();
    await page.getByText(/pagine · generato il/).waitFor({ timeout: RENDER_TIMEOUT });
    await inspect(page, 'documenti-consigliere-390');
  });

  it('marks a draft period for the planning office and tells a council member it is not yet readable', async () => {
    await openSecondHalf2020(await ApiClient.login(harness.service.url, DEMO.planning));

    const office = await openSession(harness.browser, harness.service.url);
    await logIn(office.page, DEMO.planning);
    await openDocuments(office.page);
    // The planning office starts from the period being collected: a draft.
    expect(await office.page.getByLabel('Periodo di rendicontazione').inputValue()).toBe('2020-12-31');
    await office.page.getByText('Bozza', { exact: true }).waitFor();
    await office.page.getByText(/La Giunta non ha ancora preso atto dello stato di attuazione al 31\/12\/2020/).waitFor();
    await office.page.getByRole('link', { name: 'Scarica il PDF (bozza)' }).waitFor();
    await inspect(office.page, 'documenti-bozza');

    const council = await openSession(harness.browser, harness.service.url);
    await logIn(council.page, DEMO.council);
    await openDocuments(council.page);
    await council.page.getByLabel('Periodo di rendicontazione').selectOption('2020-12-31');
    await council.page
      .getByRole('alert')
      .filter({ hasText: "Lo stato di attuazione di questo periodo non è ancora stato preso d'atto dalla Giunta." })
      .waitFor();
    expect(await council.page.getByRole('link', { name: /Scarica il PDF/ }).count()).toBe(0);
  });
});
