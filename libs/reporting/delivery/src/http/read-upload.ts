import type { Request } from 'express';
import { DomainError } from '@dup/graphql-kit';

/** Larger than any report we render (Livorno ×10 is about 12 MB). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * The raw body of a request (the service parses only JSON bodies, and only on /graphql), up to
 * MAX_UPLOAD_BYTES: a file to verify is sent as it is, without multipart encoding.
 */
export async function readUpload(req: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES)
      throw new DomainError('BAD_USER_INPUT', `Il file supera i ${MAX_UPLOAD_BYTES / 1024 / 1024} MB: non è un rapporto del servizio.`, { field: 'file' });
    chunks.push(chunk);
  }
  if (size === 0) throw new DomainError('BAD_USER_INPUT', 'Nessun file ricevuto: inviare il contenuto del file da verificare.', { field: 'file' });
  return Buffer.concat(chunks);
}
