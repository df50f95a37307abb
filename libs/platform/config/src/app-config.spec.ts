import { loadConfig } from './app-config';
import { ConfigError } from './config-error';

const PG_URL = 'postgres://dup@db.example.test:5432/dup_monitor';

/** The ConfigError thrown for `env`; fails the test when the environment is accepted. */
function configErrorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`environment accepted: ${JSON.stringify(env)}`);
}

/** Words that only appear in envalid's English messages. */
const ENGLISH = /\b(invalid|value|expected|not in choices|must be)\b/i;

describe('loadConfig', () => {
  describe('defaults', () => {
    it('with an empty environment: embedded PostgreSQL, port 3000, migrate and seed on start', () => {
      const config = loadConfig({});
      expect(config).toEqual({
        nodeEnv: 'development',
        host: '127.0.0.1',
        port: 3000,
        databaseUrl: null,
        embeddedPgDir: '.data/postgres',
        migrateOnStart: true,
        seedOnEmpty: true,
        dbPoolMax: 10,
        logLevel: 'info',
        graphql: { introspection: true, maxDepth: 14, maxCost: 200_000, maxPageSize: 200, jit: true },
        shutdownTimeoutMs: 10_000,
        auth: { jwtSecret: expect.stringMatching(/^[A-Za-z0-9_-]{64}$/), jwtSecretGenerated: true, accessTokenTtlSeconds: 28_800 },
        rateLimitPerMinute: 600,
        loginAttempts: { perAccount: 10, perAddress: 100 },
        trustProxy: false,
        seedDemoUsers: true,
        reports: { workerThreads: 1, workerHeapMb: 192, pdfThreads: 2, pdfPartCacheMb: 32, warmUpReports: 3, cacheBytes: 64 * 1024 * 1024 },
      });
    });

    it('requires a strong JWT_SECRET in production and never creates demo users there', () => {
      expect(configErrorOf({ NODE_ENV: 'production' }).problems).toEqual([{ variable: 'JWT_SECRET', message: expect.stringMatching(/obbligatoria in produzione/) }]);
      expect(configErrorOf({ JWT_SECRET: 'corta' }).problems).toEqual([{ variable: 'JWT_SECRET', message: expect.stringMatching(/almeno 32 caratteri/) }]);
      expect(configErrorOf({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40), SEED_DEMO_USERS: 'true' }).problems).toEqual([
        { variable: 'SEED_DEMO_USERS', message: expect.stringMatching(/non possono essere creati in produzione/) },
      ]);
      const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40) });
      expect(production.seedDemoUsers).toBe(false);
      expect(production.auth).toEqual({ jwtSecret: 's'.repeat(40), jwtSecretGenerated: false, accessTokenTtlSeconds: 28_800 });
    });

    it('does not read process.env when an environment is given', () => {
      const saved = process.env['PORT'];
      process.env['PORT'] = 'abc';
      try {
        expect(loadConfig({}).port).toBe(3000);
      } finally {
        if (saved === undefined) delete process.env['PORT'];
        else process.env['PORT'] = saved;
      }
    });

    it('with DATABASE_URL: neither migrates nor seeds unless asked to', () => {
      const config = loadConfig({ DATABASE_URL: PG_URL });
      expect(config.databaseUrl).toBe(PG_URL);
      expect(config.migrateOnStart).toBe(false);
      expect(config.seedOnEmpty).toBe(false);
    });

    it('with DATABASE_URL: MIGRATE_ON_START / SEED_ON_EMPTY switch them on', () => {
      const config = loadConfig({ DATABASE_URL: PG_URL, MIGRATE_ON_START: 'true', SEED_ON_EMPTY: 'true' });
      expect(config.migrateOnStart).toBe(true);
      expect(config.seedOnEmpty).toBe(true);
    });

    it('embedded: MIGRATE_ON_START / SEED_ON_EMPTY switch them off', () => {
      const config = loadConfig({ MIGRATE_ON_START: 'false', SEED_ON_EMPTY: 'false' });
      expect(config.databaseUrl).toBeNull();
      expect(config.migrateOnStart).toBe(false);
      expect(config.seedOnEmpty).toBe(false);
    });

    it('accepts postgresql:// and parses explicit values', () => {
      const config = loadConfig({
        DATABASE_URL: 'postgresql://u:p@localhost/db',
        PORT: '8080',
        NODE_ENV: 'production',
        JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
        GRAPHQL_MAX_DEPTH: '7',
        GRAPHQL_INTROSPECTION: 'false',
        GRAPHQL_JIT: 'false',
        DB_POOL_MAX: '3',
      });
      expect(config).toMatchObject({
        databaseUrl: 'postgresql://u:p@localhost/db',
        port: 8080,
        nodeEnv: 'production',
        dbPoolMax: 3,
        graphql: { maxDepth: 7, introspection: false, jit: false },
      });
    });
  });

  describe('TRUST_PROXY', () => {
    it.each([
      ['false', false],
      ['', false],
      ['1', 1],
      ['2', 2],
      ['loopback', ['loopback']],
      ['10.0.0.5', ['10.0.0.5']],
      ['loopback, 10.0.0.0/8, 192.168.1.0/255.255.255.0, fd00::/8', ['loopback', '10.0.0.0/8', '192.168.1.0/255.255.255.0', 'fd00::/8']],
    ])('reads %j as %j (Express "trust proxy")', (value, expected) => {
      expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
    });

    it.each(['true', '0', '11', 'proxy.example.test', '10.0.0.0/33', '10.0.0.1/8/2', 'loopback,,nope'])('refuses %j in Italian, naming the accepted forms', (value) => {
      const error = configErrorOf({ TRUST_PROXY: value });
      expect(error.problems).toEqual([{ variable: 'TRUST_PROXY', message: expect.stringMatching(/numero di proxy|non è un indirizzo/) }]);
      expect(error.problems[0].message).not.toMatch(ENGLISH);
    });
  });

  describe('invalid values', () => {
    const cases: [variable: string, value: string, expected: RegExp][] = [
      ['PORT', 'abc', /porta TCP tra 1 e 65535 \(ricevuto "abc"\)/],
      ['PORT', '70000', /porta TCP tra 1 e 65535 \(ricevuto "70000"\)/],
      ['DATABASE_URL', 'mysql://dup@db.example.test:3306/dup', /lo schema deve essere postgres:\/\/ o postgresql:\/\/, ricevuto "mysql:"/],
      ['DATABASE_URL', 'postgres://dup@db.example.test:5432', /manca il nome del database/],
      ['DATABASE_URL', 'postgres://dup@db.example.test:5432/', /manca il nome del database/],
      ['DATABASE_URL', 'not-a-url', /non è un URL valido/],
      ['MIGRATE_ON_START', 'maybe', /deve essere true o false \(ricevuto "maybe"\)/],
      ['GRAPHQL_JIT', 'yes please', /deve essere true o false \(ricevuto "yes please"\)/],
      ['GRAPHQL_MAX_DEPTH', '0', /deve essere un intero positivo, ricevuto "0"/],
      ['GRAPHQL_MAX_COST', '1.5', /deve essere un intero positivo, ricevuto "1.5"/],
      ['NODE_ENV', 'staging', /deve essere uno tra development, production, test \(ricevuto "staging"\)/],
      ['LOG_LEVEL', 'verbose', /deve essere uno tra fatal, error, warn, info, debug, trace, silent/],
      ['SHUTDOWN_TIMEOUT_MS', 'soon', /deve essere un intero positivo, ricevuto "soon"/],
      ['SHUTDOWN_TIMEOUT_MS', '-5', /deve essere un intero positivo, ricevuto "-5"/],
      ['REPORT_PART_CACHE_MB', '-1', /deve essere un intero non negativo, ricevuto "-1"/],
      ['REPORT_PART_CACHE_MB', 'molta', /deve essere un intero non negativo, ricevuto "molta"/],
      ['REPORT_WARM_UP_REPORTS', '-2', /deve essere un intero non negativo, ricevuto "-2"/],
      ['LOGIN_ATTEMPTS_PER_ACCOUNT', '0', /deve essere un intero positivo, ricevuto "0"/],
      ['LOGIN_ATTEMPTS_PER_ADDRESS', 'tanti', /deve essere un intero positivo, ricevuto "tanti"/],
    ];

    it.each(cases)('%s=%s is reported by name, in Italian, with code CONFIG_INVALID', (variable, value, expected) => {
      const error = configErrorOf({ [variable]: value });
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.name).toBe('ConfigError');
      expect(error.problems).toEqual([{ variable, message: expect.stringMatching(expected) }]);
      expect(error.problems[0].message).not.toMatch(ENGLISH);
      expect(error.message).toContain('Configurazione non valida [CONFIG_INVALID]');
      expect(error.message).toContain(`  - ${variable}: `);
    });

    it('reports every problem at once', () => {
      const error = configErrorOf({
        PORT: 'abc',
        DATABASE_URL: 'mysql://dup@db.example.test/dup',
        MIGRATE_ON_START: 'maybe',
        GRAPHQL_MAX_DEPTH: '0',
        HOST: '0.0.0.0',
      });
      expect(error.problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'GRAPHQL_MAX_DEPTH', 'MIGRATE_ON_START', 'PORT']);
      for (const variable of ['PORT', 'DATABASE_URL', 'MIGRATE_ON_START', 'GRAPHQL_MAX_DEPTH']) {
        expect(error.message).toContain(`  - ${variable}: `);
      }
      expect(error.message).not.toContain('HOST');
    });
  });
});
