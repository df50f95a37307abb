import { Controller, Get, Inject, Res } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import { DATABASE_INFO, type DatabaseInfo } from '../tokens';
import { NoRequestLimit } from '../limits/request-limits';

/** Liveness and database state for operators and load balancers. */
@NoRequestLimit()
@Controller('health')
export class HealthController {
  constructor(
    private readonly orm: MikroORM,
    @Inject(DATABASE_INFO) private readonly database: DatabaseInfo,
  ) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      await this.orm.em.getConnection().execute('select 1');
      const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      res.status(200).json({ status: 'ok', database: { status: 'up', embedded: this.database.embedded, latencyMs: Math.round(latencyMs * 100) / 100 } });
    } catch (error) {
      res.status(503).json({
        status: 'error',
        database: { status: 'down', embedded: this.database.embedded, error: (error as Error).message },
      });
    }
  }
}
