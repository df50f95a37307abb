import { type DynamicModule, Module } from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { MikroORM } from '@mikro-orm/postgresql';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '@dup/config';
import { createOrmConfig } from '@dup/database';
import { PlanReadModule } from '@dup/plan-read';
import { AuthModule } from '@dup/auth';
import { AuditModule } from '@dup/audit';
import { PlanWriteModule } from '@dup/plan-write';
import { PlanSignalsModule } from '@dup/plan-signals';
import { ReportingDeliveryModule } from '@dup/reporting-delivery';
import { SpendingExtractModule } from '@dup/spending-extract';
import { CollectionWorkbookModule } from '@dup/exchange/collection-workbook';
import { APP_GUARD } from '@nestjs/core';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { RequestLimitGuard, RequestLimits } from './limits/request-limits';
import { APP_CONFIG, DATABASE_INFO, type DatabaseInfo } from './tokens';

/** Composition root: configuration, logging, persistence, GraphQL and the feature modules. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, database: DatabaseInfo): DynamicModule {
    const limits = new RequestLimits(config.rateLimitPerMinute);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            customProps: () => ({ service: 'dup-monitor' }),
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
        MikroOrmModule.forRoot({ ...createOrmConfig({ url: database.url, poolMax: config.dbPoolMax }), registerRequestContext: true }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [MikroORM, PinoLogger],
          useFactory: (orm: MikroORM, logger: PinoLogger) => graphqlOptions(config, orm, logger.logger, limits),
        }),
        AuthModule.forRoot({ jwtSecret: config.auth.jwtSecret, accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds, loginAttempts: config.loginAttempts }),
        PlanReadModule,
        PlanSignalsModule,
        PlanWriteModule,
        AuditModule,
        SpendingExtractModule.forRoot({ jwtSecret: config.auth.jwtSecret }),
        CollectionWorkbookModule.forRoot({ jwtSecret: config.auth.jwtSecret }),
        ReportingDeliveryModule.forRoot({ jwtSecret: config.auth.jwtSecret, workerThreads: config.reports.workerThreads, workerHeapMb: config.reports.workerHeapMb, pdfThreads: config.reports.pdfThreads, pdfPartCacheMb: config.reports.pdfPartCacheMb, warmUpReports: config.reports.warmUpReports, cacheBytes: config.reports.cacheBytes }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: RequestLimits, useValue: limits },
        { provide: APP_GUARD, useClass: RequestLimitGuard },
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_INFO, useValue: database },
      ],
    };
  }
}
