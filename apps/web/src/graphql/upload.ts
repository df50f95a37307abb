import { csrfToken } from './client';

/** A refused upload as the API's HTTP import endpoints answer it: Italian message, stable code, located problems. */
export interface UploadRefusal<P> {
  ok: false;
  code: string;
  reason: string | null;
  message: string;
  problems: P[];
}

/**
 * Posts a multipart form to an import endpoint as the API expects it: session cookie and the
 * CSRF header, as the GraphQL client sends them. The answer's body on success, else its refusal.
 */
export async function postForm<T, P>(url: string, form: FormData): Promise<{ ok: true; body: T } | UploadRefusal<P>> {
  const token = csrfToken();
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin', headers: token ? { 'x-csrf-token': token } : {} });
  } catch {
    return { ok: false, code: 'NETWORK_ERROR', reason: null, message: 'Il servizio non risponde: controllare la connessione e riprovare.', problems: [] };
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, body: body as T };
  return {
    ok: false,
    code: String(body['code'] ?? 'ERROR'),
    reason: typeof body['reason'] === 'string' ? body['reason'] : null,
    message: String(body['message'] ?? 'Caricamento non riuscito.'),
    problems: Array.isArray(body['problems']) ? (body['problems'] as P[]) : [],
  };
}
