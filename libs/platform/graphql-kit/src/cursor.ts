import { badUserInput } from './domain-error';

/** Opaque keyset cursor: base64url of a JSON array of sort-key values. */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === arity) return key;
  } catch {
    // fall through to the user-facing error
  }
  throw badUserInput('after', 'Cursore di paginazione non valido: usare un valore "endCursor" restituito dal servizio.');
}
