import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { bool, cleanEnv, makeValidator, port, str, type CleanedEnv } from 'envalid';
import { ConfigError } from './config-error';

const postgresUrl = makeValidator<string>((input) => {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new Error('non è un URL valido (atteso postgres://utente@host:porta/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`lo schema deve essere postgres:// o postgresql://, ricevuto "${url.protocol}"`);
  }
  if (!url.hostname) throw new Error('manca l\'host del server PostgreSQL');
  if (url.pathname.length <= 1) throw new Error('manca il nome del database (…/nome_database)');
  return input;
});

const positiveInt = makeValidator<number>((input) => {
  const n = Number(input);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`deve essere un intero positivo, ricevuto "${input}"`);
  return n;
});

const nonNegativeInt = makeValidator<number>((input) => {
  const n = Number(input);
  if (!Number.isInteger(n) || n < 0) throw new Error(`deve essere un intero non negativo, ricevuto "${input}"`);
  return n;
});

/**
 * Which proxies may tell the client's address (X-Forwarded-For): none (`false`), the number of
 * proxies in front of the service, or their addresses and subnets (`loopback`, `linklocal`,
 * `uniquelocal` name the usual ranges), as Express's "trust proxy" reads them.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const trustProxy = makeValidator<TrustProxy>((input) => {
  const value = input.trim();
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > 10) throw new Error(`il numero di proxy deve essere tra 1 e 10, ricevuto "${input}"`);
    return hops;
  }
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const valid = NAMED_RANGES.has(entry) || (rest.length === 0 && isIP(address) !== 0 && (prefix === undefined || isPrefix(prefix, isIP(address))));
    if (!valid) {
      throw new Error(`"${entry}" non è un indirizzo, una sottorete (es. 10.0.0.0/8) o uno tra loopback, linklocal, uniquelocal; usare false, un numero di proxy o un elenco separato da virgole`);
    }
  }
  return entries;
});

function isPrefix(prefix: string, family: number): boolean {
  if (/^\d{1,3}$/.test(prefix)) return Number(prefix) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(prefix) === 4;
}

const ITALIAN_MESSAGES: Record<string, string> = {
  port: 'deve essere un numero di porta TCP tra 1 e 65535',
  bool: 'deve essere true o false',
  num: 'deve essere un numero',
};

function specs() {
  return {
    NODE_ENV: str({ choices: ['development', 'production', 'test'], default: 'development' }),
    HOST: str({ default: '127.0.0.1', desc: 'Interface the HTTP server listens on' }),
    PORT: port({ default: 3000 }),
    DATABASE_URL: postgresUrl({ default: undefined }),
    /** Folder of the embedded PostgreSQL cluster used when DATABASE_URL is unset. */
    EMBEDDED_PG_DIR: str({ default: '.data/postgres' }),
    /** Apply pending migrations at start-up; default: on with the embedded database, off otherwise. */
    MIGRATE_ON_START: bool({ default: undefined }),
    /** Load the demo dataset when the database has no plan; default: on with the embedded database. */
    SEED_ON_EMPTY: bool({ default: undefined }),
    DB_POOL_MAX: positiveInt({ default: 10 }),
    LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' }),
    GRAPHQL_INTROSPECTION: bool({ default: true }),
    GRAPHQL_MAX_DEPTH: positiveInt({ default: 14 }),
    GRAPHQL_MAX_COST: positiveInt({ default: 200_000 }),
    GRAPHQL_MAX_PAGE_SIZE: positiveInt({ default: 200 }),
    /** Run read queries with graphql-jit compiled queries (graphql-js still runs mutations and any errors). */
    GRAPHQL_JIT: bool({ default: true }),
    SHUTDOWN_TIMEOUT_MS: positiveInt({ default: 10_000 }),
    /** HS256 secret for access tokens; required in production, random per start otherwise. */
    JWT_SECRET: str({ default: undefined }),
    ACCESS_TOKEN_TTL_SECONDS: positiveInt({ default: 8 * 3600 }),
    /** HTTP requests per minute per user (or per client address when anonymous), /health excluded. */
    RATE_LIMIT_PER_MINUTE: positiveInt({ default: 600 }),
    /** Login attempts per account (username) in 15 minutes, from any address. */
    LOGIN_ATTEMPTS_PER_ACCOUNT: positiveInt({ default: 10 }),
    /** Login attempts per client address in 15 minutes, whatever the account. */
    LOGIN_ATTEMPTS_PER_ADDRESS: positiveInt({ default: 100 }),
    /** Proxies whose X-Forwarded-For gives the client's address (see TrustProxy). */
    TRUST_PROXY: trustProxy({ default: false }),
    /** Create one demo user per role with the demo data; never on by default in production. */
    SEED_DEMO_USERS: bool({ default: undefined }),
    /** Worker threads that render reports (PDF, Excel, HTML) off the event loop. */
    REPORT_WORKER_THREADS: positiveInt({ default: 1 }),
    /** Threads each report worker keeps for rendering the parts of a PDF in parallel (0: none). */
    REPORT_PDF_THREADS: nonNegativeInt({ default: 2 }),
    /** V8 old-generation limit of each report worker, in MB (0: V8's default; see createReportJobRunner). */
    REPORT_WORKER_HEAP_MB: nonNegativeInt({ default: 192 }),
    /** Memory, in MB, for rendered PDF parts each report worker reuses when the report is regenerated after edits (0: none). */
    REPORT_PART_CACHE_MB: nonNegativeInt({ default: 32 }),
    /** Synthetic reports each report worker renders at start so the first real ones run at full speed (0: a short warm-up only). */
    REPORT_WARM_UP_REPORTS: nonNegativeInt({ default: 3 }),
    /** Memory, in MB, for rendered reports reused while the plan data is unchanged. */
    REPORT_CACHE_MB: positiveInt({ default: 64 }),
  };
}

type RawConfig = CleanedEnv<ReturnType<typeof specs>>;

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Null means: start the embedded PostgreSQL. */
  databaseUrl: string | null;
  embeddedPgDir: string;
  migrateOnStart: boolean;
  seedOnEmpty: boolean;
  dbPoolMax: number;
  logLevel: string;
  graphql: { introspection: boolean; maxDepth: number; maxCost: number; maxPageSize: number; jit: boolean };
  shutdownTimeoutMs: number;
  auth: { jwtSecret: string; jwtSecretGenerated: boolean; accessTokenTtlSeconds: number };
  rateLimitPerMinute: number;
  /** Login attempts allowed in 15 minutes. */
  loginAttempts: { perAccount: number; perAddress: number };
  trustProxy: TrustProxy;
  seedDemoUsers: boolean;
  reports: { workerThreads: number; workerHeapMb: number; pdfThreads: number; pdfPartCacheMb: number; warmUpReports: number; cacheBytes: number };
}

/**
 * Reads and validates the environment. Every problem is collected and reported at once, each
 * naming its variable, so an operator fixes the whole configuration in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: { variable: string; message: string }[] = [];
  const allSpecs = specs();
  const raw: RawConfig = cleanEnv(env, allSpecs, {
    reporter: ({ errors }) => {
      for (const [variable, error] of Object.entries(errors)) {
        const msg = (error as Error).message;
        const received = `(ricevuto "${env[variable] ?? ''}")`;
        const choices = (allSpecs as Record<string, { choices?: readonly unknown[] }>)[variable]?.choices;
        const generic = Object.entries(ITALIAN_MESSAGES).find(([k]) => msg.toLowerCase().includes(`invalid ${k}`));
        let message = msg;
        if (choices && msg.includes('not in choices')) message = `deve essere uno tra ${choices.join(', ')} ${received}`;
        else if (generic) message = `${generic[1]} ${received}`;
        problems.push({ variable, message });
      }
    },
  });
  // Cross-variable rules only make sense once every variable is individually valid.
  if (problems.length > 0) throw new ConfigError(problems);
  if (raw.NODE_ENV === 'production' && !raw.JWT_SECRET) {
    problems.push({ variable: 'JWT_SECRET', message: 'obbligatoria in produzione (almeno 32 caratteri casuali)' });
  }
  if (raw.JWT_SECRET && raw.JWT_SECRET.length < 32) {
    problems.push({ variable: 'JWT_SECRET', message: `deve avere almeno 32 caratteri, ricevuti ${raw.JWT_SECRET.length}` });
  }
  if (raw.NODE_ENV === 'production' && raw.SEED_DEMO_USERS) {
    problems.push({ variable: 'SEED_DEMO_USERS', message: 'gli utenti dimostrativi non possono essere creati in produzione' });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const embedded = !raw.DATABASE_URL;
  return {
    nodeEnv: raw.NODE_ENV as AppConfig['nodeEnv'],
    host: raw.HOST,
    port: raw.PORT,
    databaseUrl: raw.DATABASE_URL ?? null,
    embeddedPgDir: raw.EMBEDDED_PG_DIR,
    migrateOnStart: raw.MIGRATE_ON_START ?? embedded,
    seedOnEmpty: raw.SEED_ON_EMPTY ?? embedded,
    dbPoolMax: raw.DB_POOL_MAX,
    logLevel: raw.LOG_LEVEL,
    graphql: {
      introspection: raw.GRAPHQL_INTROSPECTION,
      maxDepth: raw.GRAPHQL_MAX_DEPTH,
      maxCost: raw.GRAPHQL_MAX_COST,
      maxPageSize: raw.GRAPHQL_MAX_PAGE_SIZE,
      jit: raw.GRAPHQL_JIT,
    },
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    auth: {
      jwtSecret: raw.JWT_SECRET ?? randomBytes(48).toString('base64url'),
      jwtSecretGenerated: !raw.JWT_SECRET,
      accessTokenTtlSeconds: raw.ACCESS_TOKEN_TTL_SECONDS,
    },
    rateLimitPerMinute: raw.RATE_LIMIT_PER_MINUTE,
    loginAttempts: { perAccount: raw.LOGIN_ATTEMPTS_PER_ACCOUNT, perAddress: raw.LOGIN_ATTEMPTS_PER_ADDRESS },
    trustProxy: raw.TRUST_PROXY,
    seedDemoUsers: raw.SEED_DEMO_USERS ?? (embedded && raw.NODE_ENV !== 'production'),
    reports: { workerThreads: raw.REPORT_WORKER_THREADS, workerHeapMb: raw.REPORT_WORKER_HEAP_MB, pdfThreads: raw.REPORT_PDF_THREADS, pdfPartCacheMb: raw.REPORT_PART_CACHE_MB, warmUpReports: raw.REPORT_WARM_UP_REPORTS, cacheBytes: raw.REPORT_CACHE_MB * 1024 * 1024 },
  };
}
