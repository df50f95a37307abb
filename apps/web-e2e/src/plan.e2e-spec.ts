import type { Page } from 'playwright-core';
import { inspect, logIn, openSession, PHONE } from './support/browser';
import { DEMO } from './support/demo-users';
import { useServiceAndBrowser } from './support/harness';

const PUMS = 'Progettare il sistema di mobilità attraverso il PUMS';

/** The GraphQL requests a page sends from now on, by operation name. */
function graphqlRequests(page: Page): string[] {
  const operations: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/graphql') return;
    const body = request.postDataJSON() as { operationName?: string; query?: string } | null;
    operations.push(body?.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body?.query ?? '')?.[1] ?? '?');
  });
  return operations;
}

/** Piano: the whole Livorno plan in a fixed number of requests, and a goal's own page. */
describe('Piano e pagina della finalità', () => {
  const harness = useServiceAndBrowser();

  it('shows the whole tree (229 goals) without a request per goal, and opens a goal from it', async () => {
    const { page, pageErrors } = await openSession(harness.browser, harness.service.url);
    await logIn(page, DEMO.council);
    const requests = graphqlRequests(page);
    await page.goto('/piano');
    await page.getByText(/229 finalità, 210 indicatori\./).waitFor();
    await page.waitForLoadState('networkidle');
    const goalLinks = await page
      .getByRole('link', { includeHidden: true })
      .evaluateAll((links) => links.filter((a) => a.getAttribute('href')?.startsWith('/piano/finalita/')).length);
    expect(goalLinks).toBe(229);
    process.stdout.write(`GraphQL requests of /piano (reload, 229 goals): ${requests.length} (${requests.join(', ')})\n`);
    // The session, the editions and the tree: never one per goal.
    expect(requests.length).toBeLessThanOrEqual(3);
    await inspect(page, 'piano');

    await page.getByLabel('Cerca nel piano').fill('PUMS');
    requests.length = 0;
    await page.getByRole('link', { name: PUMS }).click();
    await page.getByRole('heading', { level: 1, name: PUMS }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Stato di attuazione' }).waitFor();
    await page.waitForLoadState('networkidle');
    process.stdout.write(`GraphQL requests of the goal page: ${requests.length} (${requests.join(', ')})\n`);
    // The goal with its context in one request (the periods are already known).
    expect(requests).toEqual(['PlanGoal']);

    // Its place in the plan, departments, status and indicators.
    const path = page.getByRole('navigation', { name: 'Percorso nel piano' });
    await path.getByRole('link', { name: /^Linea 6 — / }).waitFor();
    await path.getByRole('link', { name: /^6\.01\.01 / }).waitFor();
    await page.getByText('Capofila', { exact: true }).waitFor();
    await page.getByRole('heading', { level: 3, name: /^Al 30\/06\/2020/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Indicatori' }).waitFor();
    // Council members do not read the status history.
    expect(await page.getByRole('heading', { name: 'Cronologia dello stato' }).count()).toBe(0);
    await inspect(page, 'piano-finalita');

    // Back to the plan through the path: the objective, found.
    await path.getByRole('link', { name: /^6\.01\.01 / }).click();
    await page.getByRole('heading', { level: 1, name: 'Piano' }).waitFor();
    expect(await page.getByLabel('Cerca nel piano').inputValue()).toBe('6.01.01');
    await page.getByRole('link', { name: PUMS }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('gives the planning office the status history, and works on a phone', async () => {
    const { page } = await openSession(harness.browser, harness.service.url, PHONE);
    await logIn(page, DEMO.planning);
    await page.goto('/piano');
    await page.getByLabel('Cerca nel piano').fill('PUMS');
    await page.getByRole('link', { name: PUMS }).click();
    await page.getByRole('heading', { level: 2, name: 'Cronologia dello stato' }).waitFor();
    await page.getByText(/^Versione \d+ · /).waitFor();
    await inspect(page, 'piano-finalita-390');
  });

  it('says in Italian that a goal does not exist', async () => {
    const { page } = await openSession(harness.browser, harness.service.url);
    await logIn(page, DEMO.auditor);
    await page.goto('/piano/finalita/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Finalità non trovata' }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: /^Finalità non trovat/ })
      .waitFor();
  });
});
