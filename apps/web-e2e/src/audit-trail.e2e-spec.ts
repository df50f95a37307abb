import { inspect, logIn, openSession } from './support/browser';
import { DEMO } from './support/demo-users';
import { ApiClient, openSecondHalf2020 } from './support/api';
import { useServiceAndBrowser } from './support/harness';

interface Goal {
  id: string;
  title: string;
  operationalObjective: { code: string };
  departments: { department: { code: string } | null }[];
}
interface LeadGoals {
  departmentGoals: { edges: { node: { goal: Goal } }[] };
}

const LEAD_GOALS = `query($d: String!) { departmentGoals(edition: "2020-2022", period: "2020-12-31", filter: { department: $d, relation: LEAD }, first: 20) {
  edges { node { goal { id title operationalObjective { code } departments { department { code } } } } } } }`;
const SET_STATUS = `mutation($input: SetGoalStatusInput!) { setGoalStatus(input: $input) { version } }`;

const setStatus = (api: ApiClient, goalId: string, narrative: string, expectedVersion: number | null) =>
  api.ok<{ setGoalStatus: { version: number } }>(SET_STATUS, {
    input: { goalId, period: '2020-12-31', declaredState: 'IN_PROGRESS', percentComplete: '40', narrative, expectedVersion },
  });

/** "gg/mm/aaaa" of a day in Rome, `offset` days from today. */
function romeDay(offset = 0): string {
  return new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

/** Registro: an auditor finds who changed what, by department and by date, in the terms of the plan. */
describe('Registro delle modifiche', () => {
  const harness = useServiceAndBrowser();
  let ambiente: Goal[];

  beforeAll(async () => {
    // What the planning office and a department head did through the API before the audit.
    const planning = await ApiClient.login(harness.service.url, DEMO.planning);
    const head = await ApiClient.login(harness.service.url, DEMO.head);
    await openSecondHalf2020(planning);
    ambiente = (await planning.ok<LeadGoals>(LEAD_GOALS, { d: 'AMB_MOB' })).departmentGoals.edges.map((e) => e.node.goal).slice(0, 2);
    // A goal in which Ambiente e mobilità has no part: its entries are filtered out by department.
    const other = (await planning.ok<LeadGoals>(LEAD_GOALS, { d: 'URB_PROG' })).departmentGoals.edges
      .map((e) => e.node.goal)
      .find((g) => !g.departments.some((d) => d.department?.code === 'AMB_MOB'))!;
    await setStatus(head, ambiente[0].id, 'Lavori avviati dal settore.', null);
    // Many versions of another department's goal: more entries than one page holds.
    let version: number | null = null;
    for (let i = 1; i <= 55; i++) version = (await setStatus(planning, other.id, `Aggiornamento n. ${i}.`, version)).setGoalStatus.version;
    await setStatus(planning, ambiente[1].id, "Scritto dall'ufficio programmazione.", null);
  });

  it('filters the trail by department and by date, each entry naming the objective code and the goal', async () => {
    const { page, pageErrors } = await openSession(harness.browser, harness.service.url);
    await logIn(page, DEMO.auditor);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Registro' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registro delle modifiche' }).waitFor();
    await page.getByText(/^\d+ registrazioni, dalla più recente\.$/).waitFor();
    // Newest first: the planning office's last write.
    const entries = page.getByRole('article');
    await entries.first().getByRole('link', { name: ambiente[1].title }).waitFor();
    expect(await entries.count()).toBe(50);

    // More entries, page by page; focus goes to the first new one.
    await page.getByRole('button', { name: 'Carica altre registrazioni' }).click();
    await page.waitForFunction(() => document.querySelectorAll('article').length > 50);
    expect(await page.evaluate(() => document.activeElement?.querySelector('article h3')?.textContent)).toBeTruthy();
    await inspect(page, 'registro');

    await page.getByLabel('Settore').selectOption({ label: 'Ambiente e mobilità' });
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await page.getByText('2 registrazioni, dalla più recente.').waitFor();
    expect(page.url()).toContain('settore=AMB_MOB');
    for (const goal of ambiente) {
      const entry = entries.filter({ has: page.getByRole('link', { name: goal.title }) });
      await entry.getByText(`Obiettivo ${goal.operationalObjective.code}`).waitFor();
      await entry.getByRole('heading', { name: 'Stato di attuazione della finalità' }).waitFor();
    }
    const byHead = entries.filter({ has: page.getByRole('link', { name: ambiente[0].title }) });
    await byHead.getByText(/Autore: dirigente \(Dirigente\), dal browser|Autore: dirigente \(Dirigente\), con un token di accesso/).waitFor();
    await byHead.getByText('Dettaglio della modifica (prima e dopo)').click();
    const narrative = byHead.getByRole('row', { name: /Narrazione/ });
    await narrative.getByRole('cell', { name: 'Lavori avviati dal settore.' }).waitFor();
    await byHead
      .getByRole('row', { name: /Stato dichiarato/ })
      .getByRole('cell', { name: 'In corso' })
      .waitFor();
    await inspect(page, 'registro-filtrato');

    // By date, the Italian way: today's entries; none up to yesterday.
    await page.getByLabel('Dal').fill(romeDay());
    await page.getByLabel('Al (incluso)').fill(romeDay());
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await page.waitForURL(/dal=\d{4}-\d{2}-\d{2}&al=/);
    await page.getByText('2 registrazioni, dalla più recente.').waitFor();
    await page.getByLabel('Dal').fill('');
    await page.getByLabel('Al (incluso)').fill(romeDay(-1));
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await page.getByText('Nessuna registrazione corrisponde ai filtri.').waitFor();

    // A wrong date is refused before asking the API.
    await page.getByLabel('Dal').fill('31/02/2020');
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await page.getByText('La data 31/02/2020 non esiste.').waitFor();
    expect(await page.getByLabel('Dal').getAttribute('aria-invalid')).toBe('true');

    // The filter lives in the address: a reload (or a shared link) shows the same entries.
    await page.getByLabel('Dal').fill('');
    await page.getByLabel('Al (incluso)').fill('');
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await page.getByText('2 registrazioni, dalla più recente.').waitFor();
    await page.reload();
    await page.getByText('2 registrazioni, dalla più recente.').waitFor();
    expect(await page.getByLabel('Settore').inputValue()).toBe('AMB_MOB');

    // By user and operation too.
    await page.getByRole('button', { name: 'Azzera i filtri' }).click();
    await page.getByLabel('Utente').fill('dirigente');
    await page.getByLabel('Operazione').selectOption({ label: 'Stato di attuazione della finalità' });
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await page.getByText('1 registrazione, dalla più recente.').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
