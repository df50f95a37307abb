import type { Browser, Page } from 'playwright-core';
import { ApiClient } from './support/api';
import { DEMO } from './support/demo-users';
import { inspect, launchBrowser, logIn, openSession, PHONE, type Session } from './support/browser';
import { startService, type RunningService } from './support/service';

const EDITION = '2020-2022';
const PERIOD = '2020-12-31';
const NOTE = 'Gli uffici stanno ancora raccogliendo i dati degli indicatori: invio parziale concordato.';
// Ambiente e mobilità in the Livorno plan: goals it reports on (capofila, or the only department
// listed), goals it contributes to, indicators it records.
const LED = 31;
const INVOLVED = 16;
const INDICATORS = 30;
const COMMENT = 'Completare gli indicatori e rivedere la finalità dichiarata conclusa all’80%.';

/**
 * The planning office's half-year: it opens the 31/12/2020 period from its home page, follows the
 * departments' progress, reviews what Ambiente e mobilità submitted (returns it, then accepts it)
 * and moves the period on to the Giunta's act. The department head's side of the story is set up
 * through the API, except what the head reads in the browser: the planning office's comment.
 */
describe('planning office: period, progress and review', () => {
  let service: RunningService;
  let browser: Browser;
  let office: Session;
  let page: Page;
  let head: ApiClient;
  let officeApi: ApiClient;
  let goalIds: string[];

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    office = await openSession(browser, service.url);
    page = office.page;
    [head, officeApi] = await Promise.all([ApiClient.login(service.url, DEMO.head), ApiClient.login(service.url, DEMO.planning)]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const cells = async (name: string) => (await row(name).getByRole('cell').allInnerTexts()).map((t) => t.trim());

  it('opens the 31/12/2020 period from the home page, after a confirmation', async () => {
    await logIn(page, DEMO.planning);
    const card = page.getByRole('region', { name: /Periodo al 30\/06\/2020/ });
    await card.getByText('Approvato dal Consiglio', { exact: true }).waitFor();
    expect(await card.innerText()).toContain('decisione n. 253 del 27/10/2020');
    expect(await card.innerText()).toContain('deliberazione n. 195 del 13/11/2020');

    await page.getByRole('button', { name: 'Apri il periodo al 31/12/2020' }).click();
    const confirm = page.getByRole('form', { name: 'Apri il periodo al 31/12/2020' });
    await confirm.getByText('I dirigenti potranno inserire').waitFor();
    await confirm.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Il periodo al 31/12/2020 è ora «Aperto».').waitFor();
    const current = page.getByRole('region', { name: /Periodo al 31\/12\/2020/ });
    await current.getByText('Aperto', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /Apri il periodo/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Chiudi la raccolta dei dati' }).waitFor();
  });

  it('shows every department’s progress as a table with totals and as a chart', async () => {
    const table = page.getByRole('table', { name: /Dati di ogni settore al 31\/12\/2020/ });
    await table.waitFor();
    // Nothing reported yet.
    await row('Ambiente e mobilità').getByText('Non inviato').waitFor();
    expect((await cells('Ambiente e mobilità')).slice(0, 5)).toEqual(['0', String(LED), `0 su ${INVOLVED}`, '0', String(INDICATORS)]);
    const { departmentProgress } = await officeApi.ok<{ departmentProgress: { goalsLed: number; goalsInvolved: number; indicators: number }[] }>(
      'query ($e: String!, $p: LocalDate!) { departmentProgress(edition: $e, period: $p) { goalsLed goalsInvolved indicators } }',
      { e: EDITION, p: PERIOD },
    );
    const total = (pick: (d: (typeof departmentProgress)[number]) => number) => departmentProgress.reduce((n, d) => n + pick(d), 0);
    // Below a thousand: no thousands separator to write.
    const totals = ['0', String(total((d) => d.goalsLed)), `0 su ${total((d) => d.goalsInvolved)}`, '0', String(total((d) => d.indicators))];
    expect((await cells('Totale')).slice(0, 5)).toEqual(totals);
    expect(await table.getByRole('row').count()).toBe(2 + departmentProgress.length + 1);

    const chart = page.getByRole('figure', { name: 'Finalità capofila con stato di attuazione al 31/12/2020, per settore' });
    await chart.waitFor();
    await page.getByText('Indicatori con risultato', { exact: true }).click();
    await page.getByRole('figure', { name: 'Indicatori con risultato al 31/12/2020, per settore' }).waitFor();
    await page.getByText('Finalità capofila con stato', { exact: true }).click();
    await inspect(page, 'home-programmazione');

    const phone = await openSession(browser, service.url, PHONE);
    await logIn(phone.page, DEMO.planning);
    await phone.page.getByRole('table', { name: /Dati di ogni settore/ }).waitFor();
    await inspect(phone.page, 'home-programmazione-390');
    await phone.context.close();
  });

  it('reviews what Ambiente e mobilità submitted, with its signals and note, and returns it with a comment', async () => {
    // The department head reports two goals (one with a contradiction, one deferred) and submits with a reason.
    const progress = await head.ok<{ departmentProgress: { missingGoals: { id: string }[] }[] }>(
      'query ($e: String!, $p: LocalDate!) { departmentProgress(edition: $e, period: $p) { missingGoals { id } } }',
      { e: EDITION, p: PERIOD },
    );
    goalIds = progress.departmentProgress[0].missingGoals.slice(0, 2).map((g) => g.id);
    const setStatus = 'mutation ($input: SetGoalStatusInput!) { setGoalStatus(input: $input) { id } }';
    await head.ok(setStatus, {
      input: {
        goalId: goalIds[0],
        period: PERIOD,
        declaredState: 'COMPLETED',
        percentComplete: '80',
        narrative: 'Intervento concluso nei tempi previsti.',
        expectedVersion: null,
      },
    });
    await head.ok(setStatus, {
      input: {
        goalId: goalIds[1],
        period: PERIOD,
        declaredState: 'DEFERRED',
        deferredTo: '2021-06-30',
        narrative: 'Sarà rendicontata al 30/06/2021.',
        expectedVersion: null,
      },
    });
    await head.ok('mutation ($p: LocalDate!, $r: String) { submitDepartmentForReview(period: $p, departmentCode: "AMB_MOB", incompleteReason: $r) { id } }', {
      p: PERIOD,
      r: NOTE,
    });

    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Revisione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Revisione' }).waitFor();
    await page.getByText('1 settore da esaminare, 0 restituiti, 0 accettati, 22 non ancora inviati.').waitFor();
    await inspect(page, 'revisione');

    await page.getByRole('link', { name: 'Ambiente e mobilità' }).click();
    await page.getByRole('heading', { level: 1, name: 'Revisione — Ambiente e mobilità' }).waitFor();
    const submission = page.getByRole('region', { name: /Invio del settore/ });
    await submission.getByText(NOTE).waitFor();
    const facts = await submission.innerText();
    expect(facts).toMatch(/Inviato\s+da dirigente il \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/);
    expect(facts).toContain(`${LED - 2} finalità senza stato, ${INDICATORS} indicatori senza risultato`);

    const signals = page.getByRole('region', { name: 'Segnalazioni' });
    await signals.getByText('Conclusa sotto il 100%').waitFor();
    await signals.getByText('Rendicontazione rinviata').waitFor();
    expect(await signals.getByText('Senza stato', { exact: true }).count()).toBeGreaterThan(0);
    const goalLink = await signals.getByRole('link').first().getAttribute('href');
    expect(goalLink).toMatch(/^\/piano\/finalita\/[\w-]+$/);
    expect(await signals.locator(`a[href="/piano/finalita/${goalIds[0]}"]`).count()).toBe(1);
    await inspect(page, 'revisione-settore');

    // Returning needs a comment: said next to the field, before anything is sent.
    await page.getByRole('button', { name: 'Restituisci' }).click();
    await page.getByText('Indicare il commento per il settore: è obbligatorio per restituire le finalità.').waitFor();
    expect(await page.getByLabel('Commento per il settore').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Commento per il settore').fill(COMMENT);
    await page.getByRole('button', { name: 'Restituisci' }).click();
    await page.getByText('Finalità del settore Ambiente e mobilità restituite con il commento').waitFor();
    await submission.getByText('Restituito', { exact: true }).waitFor();
    await submission.getByText(COMMENT).waitFor();
    // Returned: only a new submission can be accepted.
    expect(await page.getByRole('button', { name: 'Accetta' }).count()).toBe(0);
  });

  it('shows the department head the comment on their home page, at both widths', async () => {
    for (const [viewport, name] of [
      [undefined, 'home-dirigente-restituito'],
      [PHONE, 'home-dirigente-restituito-390'],
    ] as const) {
      const session = await openSession(browser, service.url, viewport);
      await logIn(session.page, DEMO.head);
      const returned = session.page.getByRole('note', { name: 'Finalità restituite dall’ufficio programmazione' });
      await returned.getByText(COMMENT).waitFor();
      await session.page.getByRole('link', { name: 'Compila le finalità' }).waitFor();
      await session.page.getByRole('link', { name: 'Invia di nuovo in revisione' }).waitFor();
      // What is missing, each goal opening its form.
      const missing = session.page.getByRole('list', { name: `Finalità senza stato di attuazione (${LED - 2})` });
      expect(await missing.getByRole('link').count()).toBe(LED - 2);
      expect(await missing.getByRole('link').first().getAttribute('href')).toMatch(/^\/finalita\/[\w-]+$/);
      await inspect(session.page, name);
      expect(session.pageErrors).toEqual([]);
      await session.context.close();
    }
  });

  it('accepts the new submission, and the home table shows it accepted', async () => {
    await head.ok('mutation ($p: LocalDate!, $r: String) { submitDepartmentForReview(period: $p, departmentCode: "AMB_MOB", incompleteReason: $r) { id } }', {
      p: PERIOD,
      r: 'Corretta la percentuale; gli indicatori arriveranno con il consuntivo.',
    });
    await page.goto('/revisione');
    await page.getByText('1 settore da esaminare, 0 restituiti, 0 accettati, 22 non ancora inviati.').waitFor();
    await page.getByLabel('Settore').selectOption({ label: 'Ambiente e mobilità' });
    await page.getByText('Corretta la percentuale; gli indicatori arriveranno con il consuntivo.').waitFor();
    await page.getByRole('button', { name: 'Accetta' }).click();
    await page.getByText('Finalità del settore Ambiente e mobilità accettate.').waitFor();
    await page
      .getByRole('region', { name: /Invio del settore/ })
      .getByText('Accettato', { exact: true })
      .waitFor();

    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Home' }).click();
    await row('Ambiente e mobilità').getByText('Accettato').waitFor();
    expect((await cells('Ambiente e mobilità')).slice(0, 2)).toEqual(['2', String(LED - 2)]);
    expect(await cells('Totale')).toContain('1 su 23 inviati');
  });

  it('closes collection, moves the period to review and records the Giunta’s act, checking the act’s date', async () => {
    await page.getByRole('button', { name: 'Chiudi la raccolta dei dati' }).click();
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Il periodo al 31/12/2020 è ora «Raccolta chiusa».').waitFor();
    await page.getByRole('button', { name: 'Avvia la revisione' }).click();
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Il periodo al 31/12/2020 è ora «In revisione».').waitFor();
    // No step back for the planning office: reopening is the administrator's, as a new revision.
    expect(await page.getByRole('button', { name: /Riapri/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Registra la presa d’atto della Giunta' }).click();
    await page.getByLabel('Tipo di atto').selectOption('DECISIONE');
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Indicare il numero dell’atto della Giunta.').waitFor();
    await page.getByLabel('Numero dell’atto della Giunta').fill('41');
    await page.getByLabel('Data dell’atto della Giunta').fill('30/11/2020');
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('L’atto non può precedere la scadenza del 31/12/2020.').waitFor();
    await page.getByLabel('Data dell’atto della Giunta').fill('16/02/2021');
    await inspect(page, 'home-programmazione-presa-atto');
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText("Il periodo al 31/12/2020 è ora «Preso d'atto dalla Giunta».").waitFor();
    const card = page.getByRole('region', { name: /Periodo al 31\/12\/2020/ });
    await card.getByText('decisione n. 41 del 16/02/2021').waitFor();
    await page.getByRole('button', { name: 'Registra l’approvazione del Consiglio' }).waitFor();
    expect(office.pageErrors).toEqual([]);
    expect(office.foreignRequests).toEqual([]);
  });

  it('records the council’s approval; Documenti offers the frozen files, the package and the verification', async () => {
    await page.getByRole('button', { name: 'Registra l’approvazione del Consiglio' }).click();
    await page.getByLabel('Numero dell’atto del Consiglio').fill('50');
    await page.getByLabel('Data dell’atto del Consiglio').fill('01/03/2021');
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Il periodo al 31/12/2020 è ora «Approvato dal Consiglio».', { exact: false }).waitFor({ timeout: 150_000 });

    await page.goto('/documenti');
    await page.getByLabel('Periodo di rendicontazione').selectOption('2020-12-31');
    const pkg = page.getByRole('link', { name: 'Scarica il pacchetto per Amministrazione trasparente' });
    await pkg.waitFor();
    expect(await pkg.getAttribute('href')).toBe('/reports/2020-2022/2020-12-31.zip');
    await page.getByText('Approvato con deliberazione del Consiglio Comunale n. 50 del 01/03/2021: file congelato all’approvazione.').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 150_000 }), page.getByRole('link', { name: 'Scarica il PDF' }).click()]);
    const path = (await download.path())!;

    await page.getByLabel('File da verificare').setInputFiles(path);
    await page.getByRole('button', { name: 'Verifica', exact: true }).click();
    await page.getByText(/^Sì: il file è l’originale digitale|^Sì: il file è l'originale digitale/).waitFor({ timeout: 150_000 });
    await inspect(page, 'documenti-verifica');
    expect(office.pageErrors).toEqual([]);
  });

  it('lets the administrator reopen the approved period with a reason, as a new revision', async () => {
    const admin = await openSession(browser, service.url);
    await logIn(admin.page, DEMO.admin);
    await admin.page.getByRole('button', { name: /Riapri il periodo al 31\/12\/2020/ }).click();
    await admin.page.getByRole('button', { name: 'Riapri il periodo', exact: true }).click();
    await admin.page.getByText('Indicare il motivo della riapertura (almeno 10 caratteri).').waitFor();
    await admin.page.getByLabel('Motivo della riapertura').fill('Errore materiale nella finalità 1.01.01.');
    await inspect(admin.page, 'home-amministratore-riapertura');
    await admin.page.getByRole('button', { name: 'Riapri il periodo', exact: true }).click();
    await admin.page.getByText('Il periodo al 31/12/2020 è di nuovo aperto come revisione 2.').waitFor();

    await admin.page.goto('/documenti');
    await admin.page.getByLabel('Periodo di rendicontazione').selectOption('2020-12-31');
    await admin.page.getByRole('link', { name: /Scarica il PDF \(revisione 1, superata da una riapertura\)/ }).waitFor();
    expect(admin.pageErrors).toEqual([]);
  });
});
