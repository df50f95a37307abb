import { Client } from 'pg';
import { redactUrl, startEmbeddedPostgres, withDatabase, type EmbeddedPostgresHandle } from './embedded-postgres';

export const EMBEDDED_DATABASE_NAME = 'dup_monitor';

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedPostgresHandle | null;
}

/**
 * Uses DATABASE_URL when configured; otherwise starts the embedded PostgreSQL in the project's
 * data folder and makes sure the application database exists.
 */
export async function resolveDatabase(options: {
  databaseUrl: string | null;
  embeddedPgDir: string;
  log: (line: string) => void;
  serverLog?: (line: string) => void;
  /** Warnings about the embedded server (stopped unexpectedly, restarted); default: `log`. */
  notice?: (line: string) => void;
}): Promise<ResolvedDatabase> {
  if (options.databaseUrl) {
    await assertReachable(options.databaseUrl);
    return { url: options.databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: options.embeddedPgDir,
    log: options.serverLog ?? (() => undefined),
    notice: options.notice ?? options.log,
    supervise: true,
  });
  try {
    await createDatabaseIfMissing(embedded.url, EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  const url = withDatabase(embedded.url, EMBEDDED_DATABASE_NAME);
  options.log(`Database PostgreSQL incorporato avviato: ${redactUrl(url)}`);
  return { url, embedded };
}

export async function createDatabaseIfMissing(serverUrl: string, name: string, template?: string): Promise<boolean> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`create database ${quoteIdent(name)}${template ? ` template ${quoteIdent(template)}` : ''}`);
    return true;
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Fails fast, with the reason, when the configured server cannot be reached. */
export async function assertReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `Impossibile connettersi al database indicato da DATABASE_URL (${redactUrl(url)}) [DATABASE_UNREACHABLE]: ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Drops a database, disconnecting its sessions first (scratch and per-test databases). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
  } finally {
    await client.end();
  }
}
