import { readShippedDataset } from '@dup/seed';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * Mistakes a client can make that graphql-js, Apollo Server or the body parser catch before any
 * resolver runs: each answer is in Italian with a stable code. (HTTP statuses are not asserted
 * here: they are the business of the HTTP-status tests.)
 */
describe("the frameworks' errors over HTTP, in Italian", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ datasets: [readShippedDataset('fixture-minimal')] });
  });
  afterAll(() => t.stop());

  async function send(body: string, contentType = 'application/json'): Promise<{ message: string; code: unknown }> {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${t.defaultToken}` },
      body,
    });
    const json = (await response.json()) as { errors?: { message: string; extensions?: { code?: unknown } }[]; message?: string; code?: unknown };
    return json.errors ? { message: json.errors[0].message, code: json.errors[0].extensions?.code } : { message: String(json.message), code: json.code };
  }
  const query = (q: string, variables?: Record<string, unknown>) => send(JSON.stringify({ query: q, variables }));

  it.each([
    ['an unknown field', () => query('{ planEditions { nope } }'), 'GRAPHQL_VALIDATION_FAILED', 'Il campo "nope" non esiste nel tipo "PlanEdition". Forse si intendeva "code"?'],
    [
      'a missing argument',
      () => query('{ spending(edition: "2020-2022") { period } }'),
      'GRAPHQL_VALIDATION_FAILED',
      'Manca l\'argomento obbligatorio "period" (tipo "LocalDate!") del campo "spending".',
    ],
    ['a syntax error', () => query('{ planEditions { code '), 'GRAPHQL_PARSE_FAILED', 'Errore di sintassi nella richiesta GraphQL: atteso un nome, trovato la fine del testo.'],
    [
      'a variable of the wrong shape',
      () => query('query($p: LocalDate!) { spending(edition: "2020-2022", period: $p) { period } }', { p: '30/06/2020' }),
      'BAD_USER_INPUT',
      'Variabili non valide: Valore non valido per la variabile "$p": Data non valida (atteso yyyy-mm-dd): 30/06/2020',
    ],
    [
      'a missing variable',
      () => query('query($p: LocalDate!) { spending(edition: "2020-2022", period: $p) { period } }'),
      'BAD_USER_INPUT',
      'Variabili non valide: Manca la variabile obbligatoria "$p" (tipo "LocalDate!").',
    ],
    [
      'an unknown enum value in a variable',
      () => query('query($f: IndicatorFilter) { indicators(filter: $f) { totalCount } }', { f: { resultStatus: 'FATTO' } }),
      'BAD_USER_INPUT',
      'Variabili non valide: Valore non valido per la variabile "$f" in "f.resultStatus": Il valore "FATTO" non è tra quelli ammessi per "ResultStatus".',
    ],
    [
      'several operations without operationName',
      () => query('query A { me { username } } query B { me { role } }'),
      'OPERATION_RESOLUTION_FAILURE',
      'La richiesta contiene più operazioni: indicare quale eseguire con "operationName".',
    ],
    [
      "a form post, refused by Apollo's CSRF prevention",
      () => send(JSON.stringify({ query: '{ me { username } }' }), 'text/plain'),
      'BAD_REQUEST',
      'Richiesta bloccata come possibile falsificazione da un altro sito (CSRF): inviarla con l\'intestazione "Content-Type: application/json", oppure con un\'intestazione "apollo-require-preflight" non vuota.',
    ],
    [
      'an empty JSON body',
      () => send('{}'),
      'BAD_REQUEST',
      'Corpo della richiesta mancante o non valido: inviare un oggetto JSON con il campo "query" e l\'intestazione "Content-Type: application/json".',
    ],
    ['variables sent as a string', () => send(JSON.stringify({ query: '{ me { username } }', variables: '{}' })), 'BAD_REQUEST', '"variables" deve essere un oggetto JSON, non una stringa che contiene JSON.'],
    ['a body that is not JSON (body parser)', () => send('{ "query": '), 'BAD_REQUEST', 'Richiesta non valida: controllare che il corpo sia JSON valido.'],
  ])('%s', async (_label, run, code, message) => {
    expect(await run()).toEqual({ code, message });
  });

  it('names the nested field of a variable that holds a wrong value', async () => {
    const wrong = await query('query($f: IndicatorFilter) { indicators(filter: $f) { totalCount } }', { f: { text: 5 } });
    expect(wrong).toEqual({ code: 'BAD_USER_INPUT', message: 'Variabili non valide: Valore non valido per la variabile "$f" in "f.text": Il valore 5 non è un testo: scriverlo tra virgolette doppie.' });
  });
});
