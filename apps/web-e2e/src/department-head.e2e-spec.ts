import type { Browser, Page } from 'playwright-core';
import { ApiClient, openSecondHalf2020 } from './support/api';
import { DEMO } from './support/demo-users';
import { DESKTOP, inspect, launchBrowser, logIn, openSession, PHONE, screenshot } from './support/browser';
import { startService, type RunningService } from './support/service';

const PERIOD = '2020-12-31';

interface LeadGoal {
  goal: { id: string; title: string; operationalObjective: { code: string } };
}

/**
 * The department head's task from start to finish: open the goals of the department, report two
 * goals (one by keyboard alone) and an indicator, handle a concurrent edit, submit for review.
 */
describe('department head reports the semester', () => {
  let service: RunningService;
  let browser: Browser;
  let office: ApiClient;
  let head: ApiClient;
  let goals: LeadGoal[];

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    office = await ApiClient.login(service.url, DEMO.planning);
    head = await ApiClient.login(service.url, DEMO.head);
    await openSecondHalf2020(office);
    const data = await head.ok<{ departmentGoals: { edges: { node: LeadGoal }[] } }>(
      `{ departmentGoals(edition: "2020-2022", period: "${PERIOD}", filter: { relation: LEAD }, first: 50) {
          edges { node { goal { id title operationalObjective { code } } } } } }`,
    );
    goals = data.departmentGoals.edges.map((e) => e.node);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const statusOf = async (goalId: string) =>
    (
      await head.ok<{ goal: { statuses: { narrative: string; declaredState: string; percentComplete: string | null; version: number }[] } }>(
        `query($id: ID!) { goal(id: $id) { statuses(period: "${PERIOD}") { narrative declaredState percentComplete version } } }`,
        { id: goalId },
      )
    ).goal.statuses[0];

  it('lists the department goals to fill, with filters', async () => {
    expect(goals.length).toBeGreaterThanOrEqual(2);
    const { page } = await openSession(browser, service.url);
    await logIn(page, DEMO.head);
    await page.getByRole('link', { name: 'Le mie finalità' }).click();
    await page.getByRole('heading', { level: 1, name: 'Le mie finalità' }).waitFor();
    await page.getByText(/finalità.*di cui \d+ da compilare/).waitFor();
    // bootstrap-italia draws the checkbox on its label, as a person sees and clicks it.
    await page.getByText('Solo quelle ancora da compilare').click();
    await page.waitForURL(/mancanti=1/);
    await page.getByRole('link', { name: new RegExp(escape(goals[0].goal.title)) }).waitFor();
    await inspect(page, 'finalita-elenco');
  });

  it('reports a goal and an indicator with the mouse: previous text beside the new one, value read from the text', async () => {
    const { page } = await openSession(browser, service.url);
    await logIn(page, DEMO.head);
    await page.goto(`/finalita/${goals[0].goal.id}?periodo=${PERIOD}`);
    await page.getByRole('heading', { level: 1, name: goals[0].goal.title }).waitFor();
    const narrative = page.getByLabel('Stato di attuazione al 31/12/2020');
    // Starting from last period's text warns until it is updated.
    const startFromPrevious = page.getByRole('button', { name: 'Parti dal testo precedente' });
    if (await startFromPrevious.count()) {
      await startFromPrevious.click();
      await page.getByText('Il testo è uguale a quello del periodo precedente').waitFor();
      await narrative.fill(`${await narrative.inputValue()}\n\nNel secondo semestre: gara aggiudicata e lavori avviati.`);
      await page.getByText('Il testo è uguale a quello del periodo precedente').waitFor({ state: 'detached' });
    } else {
      await narrative.fill('Gara aggiudicata e lavori avviati nel secondo semestre.');
    }
    await page.getByLabel('Stato dichiarato').selectOption({ label: 'In corso' });
    await page.getByLabel('Percentuale di completamento').fill('60,5');
    const firstIndicator = page
      .getByRole('group')
      .filter({ has: page.getByText('Esito') })
      .first();
    if (await firstIndicator.count()) {
      await firstIndicator.getByLabel('Risultato al 31/12/2020').fill('Raggiunte 1.250 utenze servite');
      await firstIndicator.getByRole('button', { name: 'Usa 1.250 come valore' }).click();
      expect(await firstIndicator.getByLabel('Valore numerico').inputValue()).toBe('1.250');
    }
    await inspect(page, 'finalita-modulo-1280');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByText(/Salvato alle \d\d:\d\d/).waitFor();
    const saved = await statusOf(goals[0].goal.id);
    expect(saved).toMatchObject({ declaredState: 'IN_PROGRESS', percentComplete: '60.50', version: 1 });
    expect(saved.narrative).toMatch(/gara aggiudicata/i);
  });

  it('fills the form with the keyboard alone', async () => {
    const { page } = await openSession(browser, service.url);
    await logIn(page, DEMO.head);
    await page.goto(`/finalita/${goals[1].goal.id}?periodo=${PERIOD}`);
    await page.getByRole('heading', { level: 1, name: goals[1].goal.title }).waitFor();
    await tabUntil(page, 'narrative');
    await page.keyboard.type('Progettazione conclusa; avvio dei lavori previsto a febbraio.');
    await tabUntil(page, 'declaredState');
    // A closed select chooses with the arrow keys: Non avviata → In corso.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#declaredState').inputValue()).toBe('IN_PROGRESS');
    await tabUntil(page, 'percent');
    await page.keyboard.type('30');
    await tabUntilButton(page, 'Salva');
    await page.keyboard.press('Enter');
    await page.getByText(/Salvato alle/).waitFor();
    expect(await statusOf(goals[1].goal.id)).toMatchObject({ declaredState: 'IN_PROGRESS', percentComplete: '30.00' });
  });

  it("shows both texts when someone else saved meanwhile, and keeps the person's own on request", async () => {
    const { page } = await openSession(browser, service.url, PHONE);
    await logIn(page, DEMO.head);
    await page.goto(`/finalita/${goals[0].goal.id}?periodo=${PERIOD}`);
    await page.getByLabel('Stato di attuazione al 31/12/2020').waitFor();
    await screenshot(page, 'finalita-modulo-390');
    await inspect(page, 'finalita-modulo-390');
    // The planning office corrects the same status while the head is writing.
    const current = await statusOf(goals[0].goal.id);
    await office.ok(
      `mutation($id: ID!, $v: Int) { setGoalStatus(input: { goalId: $id, period: "${PERIOD}", expectedVersion: $v, narrative: "Correzione dell'ufficio programmazione.", declaredState: IN_PROGRESS }) { version } }`,
      { id: goals[0].goal.id, v: current.version },
    );
    await page.getByLabel('Stato di attuazione al 31/12/2020').fill('Testo del dirigente scritto nel frattempo.');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByRole('heading', { name: /un'altra versione è stata salvata/ }).waitFor();
    await page.getByText("Correzione dell'ufficio programmazione.").waitFor();
    await inspect(page, 'finalita-conflitto-390');
    await page.getByRole('button', { name: 'Tieni il mio testo' }).click();
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByText(/Salvato alle/).waitFor();
    expect(await statusOf(goals[0].goal.id)).toMatchObject({ narrative: 'Testo del dirigente scritto nel frattempo.', version: current.version + 2 });
  });

  it('submits for review, with a reason since some goals are still missing', async () => {
    const { page } = await openSession(browser, service.url, DESKTOP);
    await logIn(page, DEMO.head);
    await page.getByRole('link', { name: 'Invio alla revisione' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ambiente e mobilità' }).waitFor();
    await page.getByText(/Finalità senza stato di attuazione \(\d+\)/).waitFor();
    await inspect(page, 'invio-revisione');
    await page.getByRole('button', { name: 'Invia alla revisione' }).click();
    await page.getByRole('button', { name: 'Invia con dati mancanti' }).click();
    await page.getByText('Indicare perché si invia con dati mancanti').waitFor();
    await page.getByLabel("Motivo dell'invio con dati mancanti").fill('Due finalità attendono la chiusura della gara a gennaio.');
    await page.getByRole('button', { name: 'Invia con dati mancanti' }).click();
    await page.getByText("Finalità del settore Ambiente e mobilità inviate all'ufficio programmazione.").waitFor();
    await page.getByText(/Inviato in revisione — inviato da dirigente/).waitFor();
    await inspect(page, 'invio-revisione-inviato');
    const reviews = await office.ok<{ departmentReviews: { departmentCode: string; state: string; submissionNote: string }[] }>(
      `{ departmentReviews(period: "${PERIOD}") { departmentCode state submissionNote } }`,
    );
    expect(reviews.departmentReviews).toContainEqual({
      departmentCode: 'AMB_MOB',
      state: 'SUBMITTED',
      submissionNote: 'Due finalità attendono la chiusura della gara a gennaio.',
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Presses Tab until the element with this id has the focus (at most 80 times). */
async function tabUntil(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`#${id} never received the focus by keyboard`);
}

async function tabUntilButton(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim())) === name) return;
  }
  throw new Error(`the button ${name} never received the focus by keyboard`);
}
