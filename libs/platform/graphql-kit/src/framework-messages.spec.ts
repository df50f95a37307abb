import { ApolloServer, HeaderMap } from '@apollo/server';
import { buildSchema, execute, GraphQLError, type GraphQLScalarType, NoSchemaIntrospectionCustomRule, parse, validate } from 'graphql';
import { translateFrameworkMessage } from './framework-messages';
import { DecimalScalar, LocalDateScalar } from './scalars';

/*
 * Each message is produced by the real library (graphql 16, @apollo/server 5), so a version that
 * rewords one fails here instead of reaching users in English.
 */
const schema = buildSchema(/* GraphQL */ `
  scalar Decimal
  scalar LocalDate
  scalar Plain
  enum Colour { RED GREEN }
  input Filter { colour: Colour, from: Int!, name: String }
  type Item { id: ID! name: String colour: Colour amount: Decimal }
  type Query {
    items(first: Int, filter: Filter): [Item!]!
    item(id: ID!): Item
    count: Int
    on(day: LocalDate!): Int
    plain(p: Plain): Int
  }
`);
for (const scalar of [DecimalScalar, LocalDateScalar]) {
  Object.assign(schema.getType(scalar.name) as GraphQLScalarType, { parseValue: scalar.parseValue, parseLiteral: scalar.parseLiteral, serialize: scalar.serialize });
}

Object.assign(schema.getType('Plain') as GraphQLScalarType, {
  parseLiteral: () => {
    throw new Error('valore inatteso');
  },
});

function firstMessage(errors: readonly GraphQLError[] | undefined): string {
  if (!errors?.length) throw new Error('expected an error');
  return errors[0].message;
}
const validation = (query: string) => firstMessage(validate(schema, parse(query)));
const syntax = (query: string) => {
  try {
    parse(query);
  } catch (error) {
    return (error as GraphQLError).message;
  }
  throw new Error('expected a syntax error');
};
const execution = (query: string, variableValues?: Record<string, unknown>, operationName?: string) =>
  firstMessage((execute({ schema, document: parse(query), variableValues, operationName, rootValue: { items: [] } }) as { errors?: GraphQLError[] }).errors);

const CASES: [string, () => string, string][] = [
  // Syntax.
  ['syntax: unexpected end', () => syntax('{ items { id '), 'Errore di sintassi nella richiesta GraphQL: atteso un nome, trovato la fine del testo.'],
  ['syntax: unexpected token', () => syntax('{ items } }'), 'Errore di sintassi nella richiesta GraphQL: elemento inatteso: "}".'],
  ['syntax: expected punctuator', () => syntax('query($a Int) { count }'), 'Errore di sintassi nella richiesta GraphQL: atteso ":", trovato il nome "Int".'],
  ['syntax: unterminated string', () => syntax('{ item(id: "x) { id } }'), 'Errore di sintassi nella richiesta GraphQL: stringa non chiusa (manca la virgoletta finale).'],
  ['syntax: single quote', () => syntax("{ item(id: 'x') { id } }"), 'Errore di sintassi nella richiesta GraphQL: apice singolo inatteso: per le stringhe usare le virgolette doppie (").'],
  ['syntax: unexpected character', () => syntax('{ items { id ~ } }'), 'Errore di sintassi nella richiesta GraphQL: carattere inatteso: "~".'],
  ['syntax: invalid number', () => syntax('{ items(first: 1x) { id } }'), 'Errore di sintassi nella richiesta GraphQL: numero scritto in modo non valido.'],
  // Validation.
  ['unknown field', () => validation('{ nope }'), 'Il campo "nope" non esiste nel tipo "Query".'],
  [
    'introspection turned off',
    () => firstMessage(validate(schema, parse('{ __schema { types { name } } }'), [NoSchemaIntrospectionCustomRule])),
    'L\'introspezione dello schema (introspection) è disattivata su questo servizio: la richiesta contiene il campo "__schema".',
  ],
  ['unknown field with a suggestion', () => validation('{ items { nam } }'), 'Il campo "nam" non esiste nel tipo "Item". Forse si intendeva "name"?'],
  ['unknown field with two suggestions', () => validation('{ itemz }'), 'Il campo "itemz" non esiste nel tipo "Query". Forse si intendeva "item" o "items"?'],
  ['unknown argument', () => validation('{ items(last: 1) { id } }'), 'L\'argomento "last" non esiste per il campo "Query.items".'],
  ['missing required argument', () => validation('{ item { id } }'), 'Manca l\'argomento obbligatorio "id" (tipo "ID!") del campo "item".'],
  ['selection on a leaf', () => validation('{ count { x } }'), 'Il campo "count" è di tipo "Int", che non ha sottocampi: togliere la selezione tra graffe.'],
  ['missing selection', () => validation('{ items }'), 'Il campo "items" è di tipo "[Item!]!": indicare tra graffe i sottocampi da restituire, es. "items { ... }".'],
  ['unknown type', () => validation('query($f: Filtr) { count }'), 'Il tipo "Filtr" non esiste. Forse si intendeva "Filter" o "Int"?'],
  // didYouMean's longest form, as graphql-js writes it (jsutils/didYouMean.js).
  ['three suggestions', () => 'Cannot query field "x" on type "Query". Did you mean "a", "b", or "c"?', 'Il campo "x" non esiste nel tipo "Query". Forse si intendeva "a", "b" o "c"?'],
  ['undefined variable', () => validation('{ items(first: $n) { id } }'), 'La variabile "$n" non è dichiarata nell\'operazione.'],
  ['undefined variable of a named operation', () => validation('query Q { items(first: $n) { id } }'), 'La variabile "$n" non è dichiarata nell\'operazione "Q".'],
  ['unused variable', () => validation('query($n: Int) { count }'), 'La variabile "$n" è dichiarata ma non è usata.'],
  ['variable of the wrong type', () => validation('query($n: String) { items(first: $n) { id } }'), 'La variabile "$n" è di tipo "String", ma qui serve il tipo "Int".'],
  ['variable of an output type', () => validation('query($n: Item) { count }'), 'La variabile "$n" non può essere di tipo "Item": non è un tipo di input.'],
  ['unknown fragment', () => validation('{ items { ...F } }'), 'Il frammento "F" non esiste.'],
  ['unused fragment', () => validation('{ count } fragment F on Item { id }'), 'Il frammento "F" è definito ma non è usato.'],
  ['duplicate operation name', () => validation('query A { count } query A { count }'), 'Ci può essere una sola operazione di nome "A".'],
  ['duplicate argument', () => validation('{ items(first: 1, first: 2) { id } }'), 'Ci può essere un solo argomento di nome "first".'],
  ['duplicate variable', () => validation('query($n: Int, $n: Int) { items(first: $n) { id } }'), 'Ci può essere una sola variabile di nome "$n".'],
  ['anonymous operation among others', () => validation('{ count } query B { count }'), 'Un\'operazione senza nome deve essere l\'unica della richiesta.'],
  ['unknown directive', () => validation('{ count @nope }'), 'La direttiva "@nope" non esiste.'],
  ['misplaced directive', () => validation('query @skip(if: true) { count }'), 'La direttiva "@skip" non può essere usata su QUERY.'],
  ['fragment cycle', () => validation('{ items { ...F } } fragment F on Item { ...F }'), 'Il frammento "F" include sé stesso.'],
  ['fragment on a scalar', () => validation('{ items { ...F } } fragment F on Int { x }'), 'Il frammento "F" non può riferirsi al tipo "Int", che non ha campi.'],
  ['fragment that cannot apply', () => validation('{ items { ... on Query { count } } }'), 'Il frammento non può essere usato qui: gli oggetti di tipo "Item" non sono mai di tipo "Query".'],
  ['conflicting fields', () => validation('{ items { x: id x: name } }'), 'I campi con nome "x" sono in conflitto ("id" e "name" sono campi diversi): usare alias diversi per richiederli entrambi.'],
  ['conflicting arguments', () => validation('{ items(first: 1) { id } items(first: 2) { id } }'), 'I campi con nome "items" sono in conflitto (hanno argomenti diversi): usare alias diversi per richiederli entrambi.'],
  ['non-executable definition', () => validation('{ count } type T { a: Int }'), 'La definizione "T" non è eseguibile: la richiesta può contenere solo operazioni e frammenti.'],
  ['unsupported operation type', () => execution('mutation { count }'), 'Il servizio non prevede operazioni di tipo mutation.'],
  // Values written in the query.
  ['literal of the wrong scalar', () => validation('{ items(first: "1") { id } }'), 'Il valore "1" non è un numero intero.'],
  ['literal of a float', () => validation('{ count @include(if: 1.5) }'), 'Il valore 1.5 non è un booleano (true o false).'],
  ['literal where an object is expected', () => validation('{ items(filter: 5) { id } }'), 'Valore non valido per il tipo "Filter": trovato 5.'],
  ['literal rejected with a plain error', () => validation('{ plain(p: 1) }'), 'Valore non valido per il tipo "Plain" (trovato 1): valore inatteso'],
  ['unknown enum literal', () => validation('{ items(filter: { from: 1, colour: BLU }) { id } }'), 'Il valore "BLU" non è tra quelli ammessi per "Colour".'],
  ['enum written as a string', () => validation('{ items(filter: { from: 1, colour: "RED" }) { id } }'), 'Il valore "RED" non è tra quelli ammessi per "Colour". Forse si intendeva il valore "RED" o "GREEN"?'],
  ['missing input field', () => validation('{ items(filter: {}) { id } }'), 'Manca il campo obbligatorio "Filter.from" (tipo "Int!").'],
  ['unknown input field', () => validation('{ items(filter: { from: 1, nme: "x" }) { id } }'), 'Il campo "nme" non esiste nel tipo di input "Filter". Forse si intendeva "name"?'],
  // Variables.
  ['variable not provided', () => execution('query($d: LocalDate!) { on(day: $d) }', {}), 'Manca la variabile obbligatoria "$d" (tipo "LocalDate!").'],
  ['variable null', () => execution('query($d: LocalDate!) { on(day: $d) }', { d: null }), 'La variabile "$d" (tipo "LocalDate!") è obbligatoria: non può essere null.'],
  ['variable rejected by a custom scalar', () => execution('query($d: LocalDate!) { on(day: $d) }', { d: '30/06/2020' }), 'Valore non valido per la variabile "$d": Data non valida (atteso yyyy-mm-dd): 30/06/2020'],
  ['variable: Int', () => execution('query($n: Int) { items(first: $n) { id } }', { n: 1.5 }), 'Valore non valido per la variabile "$n": Il valore 1.5 non è un numero intero.'],
  ['variable: Int out of range', () => execution('query($n: Int) { items(first: $n) { id } }', { n: 2 ** 40 }), 'Valore non valido per la variabile "$n": Il valore 1099511627776 è fuori dall\'intervallo dei numeri interi ammessi.'],
  ['variable: String', () => execution('query($s: String) { items(filter: { from: 1, name: $s }) { id } }', { s: 5 }), 'Valore non valido per la variabile "$s": Il valore 5 non è un testo: scriverlo tra virgolette doppie.'],
  ['variable: Boolean', () => execution('query($b: Boolean) { count @include(if: $b) }', { b: 'yes' }), 'Valore non valido per la variabile "$b": Il valore "yes" non è un booleano (true o false).'],
  ['variable: ID', () => execution('query($i: ID!) { item(id: $i) { id } }', { i: true }), 'Valore non valido per la variabile "$i": Il valore true non è un identificativo valido.'],
  ['variable: enum', () => execution('query($f: Filter) { items(filter: $f) { id } }', { f: { from: 1, colour: 'RD' } }), 'Valore non valido per la variabile "$f" in "f.colour": Il valore "RD" non è tra quelli ammessi per "Colour". Forse si intendeva il valore "RED"?'],
  ['variable: enum not a string', () => execution('query($f: Filter) { items(filter: $f) { id } }', { f: { from: 1, colour: 1 } }), 'Valore non valido per la variabile "$f" in "f.colour": Il valore 1 non è tra quelli ammessi per "Colour".'],
  ['variable: missing input field', () => execution('query($f: Filter) { items(filter: $f) { id } }', { f: {} }), 'Valore non valido per la variabile "$f": Manca il campo obbligatorio "from" (tipo "Int!").'],
  ['variable: unknown input field', () => execution('query($f: Filter) { items(filter: $f) { id } }', { f: { from: 1, x: 2 } }), 'Valore non valido per la variabile "$f": Il campo "x" non esiste nel tipo di input "Filter".'],
  ['variable: not an object', () => execution('query($f: Filter) { items(filter: $f) { id } }', { f: 'x' }), 'Valore non valido per la variabile "$f": Per il tipo "Filter" serve un oggetto.'],
  ['variable: nested null', () => execution('query($f: Filter) { items(filter: $f) { id } }', { f: { from: null } }), 'Valore non valido per la variabile "$f" in "f.from": Il valore di tipo "Int!" è obbligatorio: non può essere null.'],
  ['variable: Decimal as text with a comma', () => execution('query($n: Int) { items(first: $n) { amount } }', { n: 'x' }), 'Valore non valido per la variabile "$n": Il valore "x" non è un numero intero.'],
  ['query-limits prefix', () => `Variabili non valide: ${execution('query($d: LocalDate!) { on(day: $d) }', {})}`, 'Variabili non valide: Manca la variabile obbligatoria "$d" (tipo "LocalDate!").'],
  // Choosing the operation.
  ['several operations, no name', () => execution('query A { count } query B { count }'), 'La richiesta contiene più operazioni: indicare quale eseguire con "operationName".'],
  ['unknown operation name', () => execution('query A { count }', undefined, 'B'), 'La richiesta non contiene un\'operazione di nome "B".'],
  ['no operation', () => execution('fragment F on Item { id }'), 'La richiesta non contiene alcuna operazione.'],
];

describe('translateFrameworkMessage (graphql-js)', () => {
  it.each(CASES)('%s', (_label, produce, italian) => {
    expect(translateFrameworkMessage(produce())).toBe(italian);
  });

  it('leaves messages of our own code alone, such as a custom scalar rejecting a literal', () => {
    expect(validation('{ on(day: "2020-02-30") }')).toBe('Data non valida (atteso yyyy-mm-dd)');
    expect(translateFrameworkMessage(validation('{ on(day: "2020-02-30") }'))).toBeNull();
    expect(translateFrameworkMessage('Settore non trovato: XYZ')).toBeNull();
    expect(translateFrameworkMessage('Valore decimale non valido: "60,5".')).toBeNull();
  });
});

describe('translateFrameworkMessage (Apollo Server HTTP checks)', () => {
  let server: ApolloServer;
  beforeAll(async () => {
    server = new ApolloServer({ schema, csrfPrevention: true, persistedQueries: false });
    await server.start();
  });
  afterAll(() => server.stop());

  async function apolloMessage(method: string, headers: Record<string, string>, body: unknown, search = ''): Promise<string> {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers: new HeaderMap(Object.entries(headers)), search, body },
      context: async () => ({}),
    });
    if (response.body.kind !== 'complete') throw new Error('unexpected chunked response');
    return (JSON.parse(response.body.string) as { errors: { message: string }[] }).errors[0].message;
  }
  const json = { 'content-type': 'application/json' };
  async function introspectionOff(): Promise<string> {
    const closed = new ApolloServer({ schema, introspection: false });
    await closed.start();
    try {
      const response = await closed.executeOperation({ query: '{ __schema { types { name } } }' });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      return response.body.singleResult.errors![0].message;
    } finally {
      await closed.stop();
    }
  }

  it.each([
    [
      'CSRF prevention',
      () => apolloMessage('POST', { 'content-type': 'text/plain' }, { query: '{ count }' }),
      'Richiesta bloccata come possibile falsificazione da un altro sito (CSRF): inviarla con l\'intestazione "Content-Type: application/json", oppure con un\'intestazione "apollo-require-preflight" non vuota.',
    ],
    ['CSRF prevention on GET', () => apolloMessage('GET', {}, undefined, 'query=%7Bcount%7D'), 'Richiesta bloccata come possibile falsificazione da un altro sito (CSRF): inviarla con l\'intestazione "Content-Type: application/json", oppure con un\'intestazione "apollo-require-preflight" non vuota.'],
    ['empty body', () => apolloMessage('POST', json, {}), 'Corpo della richiesta mancante o non valido: inviare un oggetto JSON con il campo "query" e l\'intestazione "Content-Type: application/json".'],
    ['variables as a JSON string', () => apolloMessage('POST', json, { query: '{ count }', variables: '{}' }), '"variables" deve essere un oggetto JSON, non una stringa che contiene JSON.'],
    ['variables not an object', () => apolloMessage('POST', json, { query: '{ count }', variables: 5 }), '"variables", se indicato, deve essere un oggetto JSON.'],
    ['extensions not an object', () => apolloMessage('POST', json, { query: '{ count }', extensions: 5 }), '"extensions", se indicato, deve essere un oggetto JSON.'],
    ['operationName not a string', () => apolloMessage('POST', json, { query: '{ count }', operationName: 5 }), '"operationName", se indicato, deve essere una stringa.'],
    ['query not a string', () => apolloMessage('POST', json, { query: 5 }), '"query" deve essere una stringa con il testo della richiesta GraphQL.'],
    ['query missing', () => apolloMessage('POST', json, { variables: {} }), 'La richiesta non contiene "query": indicare il testo dell\'operazione GraphQL.'],
    ['mutation over GET', () => apolloMessage('GET', { 'apollo-require-preflight': 'true' }, undefined, 'query=mutation%7Bcount%7D'), 'Con una richiesta GET si possono eseguire solo interrogazioni (query), non operazioni di tipo mutation: usare POST.'],
    ['repeated search parameter', () => apolloMessage('GET', { 'apollo-require-preflight': 'true' }, undefined, 'query=%7Bcount%7D&query=%7Bcount%7D'), 'Il parametro "query" può comparire una sola volta nell\'indirizzo.'],
    ['search parameter not JSON', () => apolloMessage('GET', { 'apollo-require-preflight': 'true' }, undefined, 'query=%7Bcount%7D&variables=x'), 'Il parametro "variables" dell\'indirizzo non contiene JSON valido.'],
    ['search parameter not an object', () => apolloMessage('GET', { 'apollo-require-preflight': 'true' }, undefined, 'query=%7Bcount%7D&variables=5'), 'Il parametro "variables" dell\'indirizzo deve contenere un oggetto JSON.'],
    ['other method', () => apolloMessage('PUT', json, { query: '{ count }' }), 'Sono accettate solo richieste GET e POST.'],
    ['batch refused', () => apolloMessage('POST', json, [{ query: '{ count }' }]), "Non è possibile inviare più operazioni in un'unica richiesta (batch)."],
    ["Apollo's introspection refusal", () => introspectionOff(), "L'introspezione dello schema (introspection) è disattivata su questo servizio."],
    ['persisted query', () => apolloMessage('POST', json, { extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }), 'Le richieste persistite (persisted queries) non sono supportate: inviare il testo della richiesta.'],
  ])('%s', async (_label, produce, italian) => {
    expect(translateFrameworkMessage(await produce())).toBe(italian);
  });
});
