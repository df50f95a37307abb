import type { Browser } from 'playwright-core';
import { DEMO } from './support/demo-users';
import { inspect, launchBrowser, logIn, openSession, PHONE } from './support/browser';
import { startService, type RunningService } from './support/service';

/** What a new user meets at http://127.0.0.1:3000/ : the login page, fast, in Italian, accessible. */
describe('first visit', () => {
  let service: RunningService;
  let browser: Browser;
  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('opens the login page at /, timing the first screen, with no request outside the service', async () => {
    const { page, foreignRequests, pageErrors } = await openSession(browser, service.url);
    // A first load warms the service's static files and the browser's code cache, as any earlier visit would.
    await page.goto('/');
    await page.getByLabel('Nome utente').waitFor();
    // Three first visits with the browser's cache off: the whole app is fetched, parsed and run
    // each time. The time is the page's own: from the start of navigation to the app's
    // 'dupm:first-screen' mark, set when the login form is on display and usable.
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const fresh = await page.context().newPage();
      const cdp = await page.context().newCDPSession(fresh);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await fresh.goto('/');
      await fresh.getByLabel('Nome utente').fill('prova');
      timings.push(Math.round((await fresh.evaluate(() => performance.getEntriesByName('dupm:first-screen')[0]?.startTime ?? Number.NaN)) as number));
      await fresh.close();
    }
    const median = [...timings].sort((a, b) => a - b)[1];
    process.stdout.write(`first screen interactive (login page, loopback, cache off): ${timings.join(', ')} ms; median ${median} ms\n`);
    // The goal (≤ 1.5 s on the project's machines) is read from this line, not asserted: a timed
    // assertion fails whenever the machine is busy, and proves nothing when it passes.
    expect(timings.every((t) => Number.isFinite(t))).toBe(true);
    expect(page.url()).toBe(`${service.url}/accesso`);
    expect(await page.title()).toBe('Accesso · DUP Monitor');
    await inspect(page, 'accesso');
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('says in Italian when the password is wrong, and keeps the user on the page', async () => {
    const { page } = await openSession(browser, service.url);
    await page.goto('/accesso');
    await page.getByLabel('Nome utente').fill('programmazione');
    await page.getByLabel('Password', { exact: true }).fill('password-sbagliata');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nome utente o password non corretti.' }).waitFor();
    expect(page.url()).toMatch(/\/accesso$/);
  });

  it('validates the form before sending it', async () => {
    const { page } = await openSession(browser, service.url);
    await page.goto('/accesso');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByText('Inserire il nome utente.').waitFor();
    await page.getByText('Inserire la password.').waitFor();
    expect(await page.getByLabel('Nome utente').getAttribute('aria-invalid')).toBe('true');
  });

  it('returns to the page asked for after logging in, and logs out', async () => {
    const { page } = await openSession(browser, service.url);
    await page.goto('/piano');
    await page.waitForURL(`${service.url}/accesso?dopo=%2Fpiano`);
    await page.getByLabel('Nome utente').fill(DEMO.council.username);
    await page.getByLabel('Password', { exact: true }).fill(DEMO.council.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Piano' }).waitFor();
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByText('Uscita effettuata.').waitFor();
    await page.goto('/');
    await page.waitForURL(`${service.url}/accesso`);
  });

  it('tells the user the session expired when the API refuses it, and keeps the phone layout usable', async () => {
    const { page, context } = await openSession(browser, service.url, PHONE);
    await logIn(page, DEMO.auditor);
    await inspect(page, 'home-revisore-390');
    // The session ends elsewhere (e.g. a password change on another device): the next request says so.
    const cookies = await context.cookies();
    const token = cookies.find((c) => c.name === 'dupm_session')!.value;
    await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    await page.getByRole('button', { name: 'Mostra o nascondi il menu' }).click();
    await page.getByRole('link', { name: 'Piano' }).click();
    await page.getByText(/La sessione è stata chiusa/).waitFor();
    expect(page.url()).toMatch(/\/accesso/);
  });
});
