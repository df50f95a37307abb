import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MikroORM } from '@mikro-orm/postgresql';
import { Logger } from 'nestjs-pino';
import cookieParser from 'cookie-parser';
import pino from 'pino';
import type { AppConfig } from '@dup/config';
import { applyMigrations, redactUrl, resolveDatabase, type EmbeddedPostgresHandle } from '@dup/database';
import { seedIfEmpty } from '@dup/seed';
import { AppModule } from './app.module';
import { HttpExceptionFilter } from './http-exception.filter';
import { ensureDemoUsers } from './demo-users';
import { findWebRoot, securityHeaders, webApp } from './web/web-app';
import { graphqlBrowserLanding } from './graphql/graphql-landing';

export interface RunningServer {
  app: INestApplication;
  /** Base HTTP URL, e.g. http://127.0.0.1:3000. */
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the whole service: database (configured or embedded), migrations and demo seed when
 * configured, then the HTTP/GraphQL server. Any failure stops what was already started.
 */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const log = pino({ level: config.logLevel, base: { service: 'dup-monitor' } });
  const database = await resolveDatabase({
    databaseUrl: config.databaseUrl,
    embeddedPgDir: config.embeddedPgDir,
    log: (line) => log.info(line),
    serverLog: (line) => log.debug({ component: 'embedded-postgres' }, line),
    notice: (line) => log.warn({ component: 'embedded-postgres' }, line),
  });
  let embedded: EmbeddedPostgresHandle | null = database.embedded;
  let app: NestExpressApplication | null = null;
  const stop = async () => {
    if (app) await app.close();
    app = null;
    if (embedded) await embedded.stop();
    embedded = null;
  };
  try {
    app = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot(config, { url: database.url, embedded: Boolean(database.embedded) }),
      { bufferLogs: true, bodyParser: false },
    );
    app.useLogger(app.get(Logger));
    app.useGlobalFilters(new HttpExceptionFilter());
    app.useBodyParser('json', { limit: '256kb' });
    app.use(securityHeaders());
    // Browser sessions travel in cookies (see @dup/auth session-cookies).
    app.use(cookieParser());
    app.use('/graphql', graphqlBrowserLanding);
    // The web application, when it has been built (npm start builds it; API-only tests need not).
    const webRoot = findWebRoot();
    if (webRoot) app.use(webApp(webRoot));
    app.disable('x-powered-by');
    // The client's address (request and login limits) comes from X-Forwarded-For only through these proxies.
    app.set('trust proxy', config.trustProxy);
    // GraphQL answers POSTs that are never cached: hashing every response body for an ETag is waste.
    app.set('etag', false);
    const orm = app.get<MikroORM>(MikroORM);
    if (config.migrateOnStart) {
      const applied = await applyMigrations(orm);
      log.info({ applied }, applied.length ? `Migrazioni applicate: ${applied.length}` : 'Schema del database aggiornato');
    }
    if (config.seedOnEmpty) {
      const seed = await seedIfEmpty(orm, (step) => log.info({ step }, 'Caricamento dati dimostrativi'));
      if (seed.seeded) log.info({ dataset: seed.dataset, counts: seed.counts }, `Dati dimostrativi caricati: ${seed.dataset}`);
    }
    if (config.seedDemoUsers) {
      const created = await ensureDemoUsers(orm);
      if (created.length) log.info({ users: created }, 'Utenti dimostrativi creati (credenziali nel README)');
    }
    if (config.auth.jwtSecret && config.auth.jwtSecretGenerated) {
      log.warn('JWT_SECRET non impostata: generata una chiave casuale, i token non sopravvivono al riavvio');
    }
    await app.listen(config.port, config.host).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        throw new Error(`La porta ${config.port} su ${config.host} è già in uso [PORT_IN_USE]: impostare PORT su una porta libera.`);
      }
      if (error.code === 'EACCES') {
        throw new Error(`Permesso negato per la porta ${config.port} [PORT_FORBIDDEN]: impostare PORT su una porta sopra 1024.`);
      }
      throw error;
    });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host}:${port}`;
    log.info({ graphql: `${url}/graphql`, database: redactUrl(database.url) }, `DUP Monitor pronto su ${url}/graphql`);
    return { app, url, databaseUrl: database.url, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
