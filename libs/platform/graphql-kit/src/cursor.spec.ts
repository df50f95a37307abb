import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from './cursor';

function decodeError(cursor: string, arity: number): GraphQLError {
  try {
    decodeCursor(cursor, arity);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error(`cursor accepted: ${cursor}`);
}

describe('keyset cursors', () => {
  it('round-trips the sort key, keeping types', () => {
    const key = ['2020-06-30', 42, 'Linea 1 – “Città” è', null, true];
    const cursor = encodeCursor(key);
    expect(decodeCursor(cursor, key.length)).toEqual(key);
  });

  it('is opaque and URL-safe (base64url, no padding, no JSON visible)', () => {
    const cursor = encodeCursor(['a/b+c?', 12345678901234]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('a/b');
    expect(Buffer.from(cursor, 'base64url').toString('utf8')).toBe('["a/b+c?",12345678901234]');
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['empty', ''],
    ['JSON that is not an array', Buffer.from('{"id":1}').toString('base64url')],
    ['a key of another arity', encodeCursor([1, 2, 3])],
    ['a plain number', Buffer.from('7').toString('base64url')],
  ])('rejects %s with BAD_USER_INPUT on the "after" argument', (_label, cursor) => {
    const error = decodeError(cursor, 2);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(error.message).toBe('Cursore di paginazione non valido: usare un valore "endCursor" restituito dal servizio.');
  });
});
