import { buildSchema, getOperationAST, GraphQLError, parse } from 'graphql';
import { checkArgumentValues } from './input-values.plugin';

const SCHEMA = buildSchema(/* GraphQL */ `
  input Filter { text: String, ids: [ID!], nested: Filter }
  type Item { id: ID!, child(id: ID, name: String): Item }
  type Query { item(id: ID!): Item, search(filter: Filter, words: [String!]): [Item!]! }
`);
const UUID = '6f1c1a4e-3b7d-4c39-9a51-2f0f6f6c8a11';

/** The BAD_USER_INPUT an operation gets, as { field, message }, or null when accepted. */
function refusal(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  try {
    checkArgumentValues(SCHEMA, document, getOperationAST(document)!, variables);
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    expect(error.extensions['code']).toBe('BAD_USER_INPUT');
    return { field: error.extensions['field'], message: error.message };
  }
}

describe('checkArgumentValues', () => {
  it('accepts ordinary text and UUIDs, as literals and as variables', () => {
    expect(refusal(`{ item(id: "${UUID}") { child(id: "${UUID.toUpperCase()}", name: "Città è") { id } } }`)).toBeNull();
    expect(refusal('query($f: Filter) { search(filter: $f, words: ["a", "b"]) { id } }', { f: { text: 'servizi', ids: [UUID], nested: { text: '' } } })).toBeNull();
  });

  it.each([
    ['a literal', '{ search(filter: { text: "a\\u0000b" }) { id } }', {}, 'filter.text'],
    ['a variable', 'query($f: Filter) { search(filter: $f) { id } }', { f: { nested: { text: '\u0000' } } }, 'filter.nested.text'],
    ['a list', 'query($w: [String!]) { search(words: $w) { id } }', { w: ['ok', 'x\u0000'] }, 'words'],
    ['a fragment', `query { item(id: "${UUID}") { ...F } } fragment F on Item { child(name: "\\u0000") { id } }`, {}, 'name'],
  ])('refuses a NUL character in %s, naming the argument', (_label, query, variables, field) => {
    expect(refusal(query, variables)).toEqual({ field, message: `Il valore di "${field}" contiene un carattere non ammesso (NUL, codice 0).` });
  });

  it.each([['linea-1'], ['-'.repeat(36)], [`${UUID}x`], ['42']])('refuses the ID %j', (id) => {
    expect(refusal('query($id: ID!) { item(id: $id) { id } }', { id })).toMatchObject({ field: 'id', message: expect.stringContaining('non è un identificativo valido') });
    expect(refusal('query($f: Filter) { search(filter: $f) { id } }', { f: { ids: [UUID, id] } })).toMatchObject({ field: 'filter.ids' });
  });

  it('leaves variables of the wrong type to graphql-js', () => {
    expect(refusal('query($id: ID!) { item(id: $id) { id } }', { id: { not: 'an id' } })).toBeNull();
  });
});
