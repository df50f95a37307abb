import type { Page } from 'playwright-core';
import { inspect, logIn, openSession, PHONE } from './support/browser';
import { DEMO } from './support/demo-users';
import { useServiceAndBrowser } from './support/harness';

const NEW_HEAD = { username: 'm.rossi', password: 'password-iniziale-2020' };
const TEMPORARY = 'temporanea-da-cambiare';

/** Utenti: the administrator creates a department head, resets a password, deactivates a user. */
describe('Utenti', () => {
  const harness = useServiceAndBrowser();
  let admin: Page;
  beforeAll(async () => {
    admin = (await openSession(harness.browser, harness.service.url)).page;
    await logIn(admin, DEMO.admin);
    await admin.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Utenti' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Utenti' }).waitFor();
  });

  const rowOf = (username: string) => admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: username, exact: true }) });
  const manage = async (username: string) => {
    await admin.getByRole('button', { name: `Gestisci ${username}` }).click();
    // Focus moves to the panel's heading, so a screen reader says whose panel opened.
    await admin.waitForFunction((name) => document.activeElement?.textContent?.includes(`(${name})`), username);
  };

  it('lists the users with role, departments, state and last login', async () => {
    await admin.getByText('5 utenti, 5 attivi.').waitFor();
    await rowOf('dirigente').getByRole('cell', { name: 'Ambiente e mobilità' }).waitFor();
    await rowOf('consigliere').getByRole('cell', { name: 'Mai' }).waitFor();
    await rowOf('admin')
      .getByRole('cell', { name: /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/ })
      .waitFor();
    await inspect(admin, 'utenti');
  });

  it('creates a department head, with the rules of the API', async () => {
    await admin.getByRole('button', { name: 'Nuovo utente' }).click();
    await admin.getByRole('heading', { name: 'Nuovo utente' }).waitFor();
    await admin.getByLabel('Nome utente').fill(NEW_HEAD.username);
    await admin.getByLabel('Nome e cognome').fill('Mario Rossi');
    await admin.getByLabel('Ruolo').selectOption({ label: 'Dirigente' });
    await admin.getByLabel('Password iniziale').fill(NEW_HEAD.password);
    await admin.getByRole('button', { name: "Crea l'utente" }).click();
    await admin.getByText('Un dirigente deve essere associato ad almeno un settore.').waitFor();
    // The design system draws the box on the label: people click the label.
    await admin.getByRole('group', { name: 'Settori del dirigente' }).getByText('Ambiente e mobilità', { exact: true }).click();
    expect(await admin.getByRole('group', { name: 'Settori del dirigente' }).getByLabel('Ambiente e mobilità').isChecked()).toBe(true);
    await inspect(admin, 'utenti-nuovo');
    await admin.getByRole('button', { name: "Crea l'utente" }).click();
    await admin.getByText(`Utente ${NEW_HEAD.username} creato.`).waitFor();
    await rowOf(NEW_HEAD.username).getByRole('cell', { name: 'Dirigente' }).waitFor();
    await rowOf(NEW_HEAD.username).getByRole('cell', { name: 'Ambiente e mobilità' }).waitFor();

    // The same username again: the API's message, beside the field.
    await admin.getByRole('button', { name: 'Nuovo utente' }).click();
    await admin.getByLabel('Nome utente').fill(NEW_HEAD.username);
    await admin.getByLabel('Nome e cognome').fill('Altro Rossi');
    await admin.getByLabel('Ruolo').selectOption({ label: 'Revisore' });
    await admin.getByLabel('Password iniziale').fill(NEW_HEAD.password);
    await admin.getByRole('button', { name: "Crea l'utente" }).click();
    await admin.getByText(`Esiste già un utente "${NEW_HEAD.username}" per questo ente.`).waitFor();
    expect(await admin.getByLabel('Nome utente').getAttribute('aria-invalid')).toBe('true');
    await admin.getByRole('button', { name: 'Annulla' }).click();
  });

  it('assigns departments and renames a user', async () => {
    await manage(NEW_HEAD.username);
    await admin.getByRole('group', { name: 'Settori di cui risponde' }).getByText('Urbanistica e programmi complessi', { exact: true }).click();
    await admin.getByRole('button', { name: 'Salva i settori' }).click();
    await admin.getByRole('status').filter({ hasText: 'Settori di Mario Rossi: Ambiente e mobilità, Urbanistica e programmi complessi.' }).waitFor();
    await rowOf(NEW_HEAD.username).getByRole('cell', { name: 'Ambiente e mobilità, Urbanistica e programmi complessi' }).waitFor();

    await admin.getByLabel('Nome e cognome').fill('Mario Rossi Bianchi');
    await admin.getByRole('button', { name: 'Salva nome e ruolo' }).click();
    await admin.getByRole('status').filter({ hasText: 'Dati di Mario Rossi Bianchi salvati: Dirigente.' }).waitFor();
    await rowOf(NEW_HEAD.username).getByRole('cell', { name: 'Mario Rossi Bianchi' }).waitFor();
  });

  it('resets a password after a confirmation; the user must choose a new one before anything else', async () => {
    await admin.getByLabel('Password temporanea').fill(TEMPORARY);
    await admin.getByRole('button', { name: 'Reimposta la password' }).click();
    // Confirmation first: the question takes focus.
    await admin.waitForFunction(() => document.activeElement?.textContent === 'Reimpostare la password di Mario Rossi Bianchi?');
    await inspect(admin, 'utenti-gestione');
    await admin.getByRole('button', { name: 'Conferma la reimpostazione' }).click();
    await admin.getByText(/Password di Mario Rossi Bianchi reimpostata: al prossimo accesso dovrà sceglierne una nuova\./).waitFor();
    await rowOf(NEW_HEAD.username).getByText('Deve cambiare la password').waitFor();

    const { page } = await openSession(harness.browser, harness.service.url, PHONE);
    await page.goto('/documenti');
    await page.getByLabel('Nome utente').fill(NEW_HEAD.username);
    await page.getByLabel('Password', { exact: true }).fill(TEMPORARY);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByText('Scegliere una nuova password per continuare.').waitFor();
    expect(page.url()).toBe(`${harness.service.url}/profilo?dopo=%2Fdocumenti`);
    await inspect(page, 'profilo-nuova-password-390');
    // Nothing else opens before the change.
    await page.goto('/piano');
    await page.getByText('Scegliere una nuova password per continuare.').waitFor();
    await page.getByLabel('Password attuale').fill(TEMPORARY);
    await page.getByLabel('Nuova password', { exact: true }).fill('la-mia-password-nuova');
    await page.getByLabel('Ripetere la nuova password').fill('la-mia-password-nuova');
    await page.getByRole('button', { name: 'Cambia password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Piano' }).waitFor();
    await page.goto('/documenti');
    await page.getByRole('heading', { level: 1, name: 'Documenti' }).waitFor();
  });

  it('deactivates a user after a confirmation, and refuses to deactivate the administrator', async () => {
    await admin.getByRole('button', { name: 'Chiudi' }).click();
    await manage('consigliere');
    await admin.getByRole('button', { name: "Disattiva l'utente" }).click();
    await admin.getByText('Disattivare Consigliere dimostrativo?').waitFor();
    await admin.getByRole('button', { name: 'Conferma la disattivazione' }).click();
    await admin.getByText(/Consigliere dimostrativo è stato disattivato/).waitFor();
    await rowOf('consigliere').getByText('Disattivato').waitFor();
    await admin.getByText('6 utenti, 5 attivi.').waitFor();

    const { page } = await openSession(harness.browser, harness.service.url);
    await page.goto('/accesso');
    await page.getByLabel('Nome utente').fill(DEMO.council.username);
    await page.getByLabel('Password', { exact: true }).fill(DEMO.council.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nome utente o password non corretti.' }).waitFor();

    await admin.getByRole('button', { name: "Riattiva l'utente" }).click();
    await admin.getByText('Consigliere dimostrativo è di nuovo attivo e può accedere.').waitFor();

    await admin.getByRole('button', { name: 'Chiudi' }).click();
    await manage('admin');
    await admin.getByRole('button', { name: "Disattiva l'utente" }).click();
    await admin.getByRole('button', { name: 'Conferma la disattivazione' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Un amministratore non può disattivare sé stesso.' }).waitFor();
    // Focus goes back to the button, which is still there.
    await admin.waitForFunction(() => document.activeElement?.textContent === "Disattiva l'utente");
  });
});
