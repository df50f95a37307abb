import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect, logIn, openSession, PHONE, SCREENSHOT_DIR } from './support/browser';
import { DEMO } from './support/demo-users';
import { ApiClient, openSecondHalf2020 } from './support/api';
import { useServiceAndBrowser } from './support/harness';

/** Spese: the planning office loads the spending extract of a new period and fixes a refused one. */
describe('Spese', () => {
  const harness = useServiceAndBrowser();

  it('loads the extract of 31/12/2020 from the template, after showing every problem of a wrong file', async () => {
    await openSecondHalf2020(await ApiClient.login(harness.service.url, DEMO.planning));
    const { page, pageErrors, foreignRequests } = await openSession(harness.browser, harness.service.url);
    await logIn(page, DEMO.planning);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Spese' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spese' }).waitFor();
    // The period being collected is chosen; nothing is loaded yet.
    expect(await page.getByLabel('Periodo di rendicontazione').inputValue()).toBe('2020-12-31');
    await page.getByText('Nessuna tabella delle spese caricata per questo periodo').waitFor();
    await inspect(page, 'spese-vuoto');

    // The approved period's table, as the template with its figures: what the accounting system would send.
    await page.getByLabel('Periodo di rendicontazione').selectOption('2020-06-30');
    await page.getByRole('cell', { name: 'dati iniziali' }).or(page.getByRole('cell', { name: 'dataset 2020-2022' })).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Modello Excel con gli importi attuali' }).click()]);
    expect(download.suggestedFilename()).toBe('spese-2020-06-30-modello.xlsx');
    const dir = join(SCREENSHOT_DIR, '..', 'e2e-files');
    mkdirSync(dir, { recursive: true });
    const xlsx = join(dir, 'spese-31-12-2020.xlsx');
    writeFileSync(xlsx, readFileSync((await download.path())!));

    // A wrong CSV first: nothing is loaded, every problem is listed by row and column.
    await page.getByLabel('Periodo di rendicontazione').selectOption('2020-12-31');
    const wrong = join(dir, 'spese-errate.csv');
    writeFileSync(
      wrong,
      'Codice missione;Missione;Codice programma;Programma;Assestato (A);Impegnato (B);Liquidato competenza (C);Residui passivi (D);Liquidato residui (E)\r\n' +
        '01;;01;;1.000,00;500,00;100,00;0,00;-5,00\r\n' +
        '01;;99;;1.000,00;500,00;1.234.5;0,00;0,00\r\n',
    );
    await page.getByLabel(/File dell'estratto/).setInputFiles(wrong);
    await page.getByRole('button', { name: 'Carica' }).click();
    await page.getByRole('alert').filter({ hasText: 'Il file contiene 3 errori: nessun dato è stato caricato.' }).waitFor();
    const problems = page.getByRole('table', { name: /Errori del file/ });
    await problems.getByRole('cell', { name: 'AMOUNT_NEGATIVE' }).waitFor();
    expect(await problems.getByRole('row').count()).toBe(4);
    await problems.getByRole('cell', { name: 'Il programma 01.99 non è nel catalogo nazionale di Missioni e Programmi.' }).waitFor();
    await inspect(page, 'spese-errori');

    // The template with the figures: loaded as version 1, listed with its file name.
    await page.getByLabel(/File dell'estratto/).setInputFiles(xlsx);
    await page.getByRole('button', { name: 'Carica' }).click();
    await page.getByText('Spese caricate: versione 1, 58 programmi.').waitFor();
    const versions = page.getByRole('table', { name: /Caricamenti della tabella delle spese/ });
    await versions.getByRole('cell', { name: 'spese-31-12-2020.xlsx' }).waitFor();
    await versions.getByRole('cell', { name: 'programmazione' }).waitFor();
    await inspect(page, 'spese-caricate');

    // The same file again changes nothing.
    await page.getByLabel(/File dell'estratto/).setInputFiles(xlsx);
    await page.getByRole('button', { name: 'Carica' }).click();
    await page.getByText('Nessuna modifica: la versione 1 ha già questi importi.').waitFor();
    expect(await versions.getByRole('row').count()).toBe(2);
    // The refused upload's 422 is the only error the browser logs.
    expect(pageErrors.filter((e) => !e.includes('422'))).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('works on a phone, and is not offered to department heads', async () => {
    const office = await openSession(harness.browser, harness.service.url, PHONE);
    await logIn(office.page, DEMO.planning);
    await office.page.goto('/spese?periodo=2020-12-31');
    await office.page.getByRole('heading', { level: 2, name: 'Versioni caricate' }).waitFor();
    await inspect(office.page, 'spese-390');

    const head = await openSession(harness.browser, harness.service.url);
    await logIn(head.page, DEMO.head);
    expect(await head.page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Spese' }).count()).toBe(0);
  });
});
