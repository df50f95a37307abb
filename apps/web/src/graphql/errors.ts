import type { CombinedError } from 'urql';

export interface ApiProblem {
  message: string;
  code: string;
  field?: string;
  extensions: Record<string, unknown>;
}

/** The API's own words (Italian, with a stable code); a network failure gets an Italian sentence too. */
export function problemsOf(error: CombinedError | undefined | null): ApiProblem[] {
  if (!error) return [];
  if (error.networkError && error.graphQLErrors.length === 0) {
    return [{ message: 'Il servizio non risponde: controllare la connessione e riprovare.', code: 'NETWORK_ERROR', extensions: {} }];
  }
  return error.graphQLErrors.map((e) => ({
    message: e.message,
    code: String(e.extensions?.['code'] ?? 'ERROR'),
    field: typeof e.extensions?.['field'] === 'string' ? (e.extensions['field'] as string) : undefined,
    extensions: (e.extensions ?? {}) as Record<string, unknown>,
  }));
}

export function firstProblem(error: CombinedError | undefined | null): ApiProblem | null {
  return problemsOf(error)[0] ?? null;
}

/**
 * The API's message for one of a form's fields (`extensions.field`, mapped to the form's name), so
 * it is shown beside that field; null when the error is about something else (shown as an alert).
 */
export function fieldProblem<F extends string>(
  error: CombinedError | undefined | null,
  fields: Readonly<Record<string, F>>,
): { field: F; message: string } | null {
  const problem = firstProblem(error);
  const field = problem?.field ? fields[problem.field] : undefined;
  return problem && field ? { field, message: problem.message } : null;
}
