import { randomUUID } from 'node:crypto';
import {
  type ArgumentsHost,
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  HttpCode,
  Inject,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { requireRole, resolveRequestCredentials } from '@dup/auth';
import { Role } from '@dup/domain';
import { badUserInput } from '@dup/graphql-kit';
import { importSpendingExtract } from '../spending-import.service';
import { spendingTemplate, type TemplateFormat } from '../spending-template.service';

export const SPENDING_JWT_SECRET = Symbol('SPENDING_JWT_SECRET');
/** Largest extract accepted, in bytes: a whole catalogue with figures is about 30 KB. */
export const SPENDING_MAX_BYTES = 2 * 1024 * 1024;

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  PERIOD_LOCKED: 409,
  SPENDING_EXTRACT_INVALID: 422,
};

/** Template readers: the loaders, and auditors checking what was loaded. */
const TEMPLATE_READERS = [Role.PLANNING_OFFICE, Role.ADMIN, Role.AUDITOR] as const;

/** Multer's size limit answers 413 with our Italian message and code, not the JSON body's. */
@Catch(PayloadTooLargeException)
class FileTooLargeFilter implements ExceptionFilter {
  catch(_: PayloadTooLargeException, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .json({
        statusCode: 413,
        code: 'FILE_TOO_LARGE',
        message: `Il file supera il limite di ${SPENDING_MAX_BYTES / 1024 / 1024} MB: un estratto delle spese è molto più piccolo, controllare di aver scelto il file giusto.`,
      });
  }
}

const parsePeriod = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw badUserInput('period', 'Indicare il periodo come AAAA-MM-GG, es. 2020-12-31.');
  return value;
};

/**
 * Spending extracts over HTTP, with the same credentials as GraphQL (bearer token, or the
 * browser session cookie plus the X-CSRF-Token header for the upload):
 * - POST /imports/spending/:edition/:period, multipart field `file`: loads the extract;
 * - GET  /imports/spending/:edition/:period/modello.(xlsx|csv)?importi=si: the template.
 * Errors are JSON with an Italian message and a stable code; a rejected extract (422) lists
 * every problem with row, column and message.
 */
@Controller('imports/spending')
@UseFilters(FileTooLargeFilter)
export class SpendingImportController {
  constructor(
    private readonly orm: MikroORM,
    @Inject(SPENDING_JWT_SECRET) private readonly jwtSecret: string,
  ) {}

  @Post(':edition/:period')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: SPENDING_MAX_BYTES, files: 1, fields: 10, parts: 12 } }))
  async upload(
    @Param('edition') edition: string,
    @Param('period') period: string,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(res, async (em) => {
      const viewer = requireRole(await resolveRequestCredentials(em, req, this.jwtSecret, { requireCsrf: true }), [Role.PLANNING_OFFICE, Role.ADMIN], {
        write: true,
      });
      if (!file) throw badUserInput('file', 'Allegare il file dell\'estratto nel campo "file" (modulo multipart).');
      const result = await importSpendingExtract(
        em,
        // pino-http sets the request id; its type augmentation is not in this library's scope.
        { viewer, requestId: String((req as { id?: unknown }).id ?? randomUUID()) },
        {
          editionCode: edition,
          cutoffDate: parsePeriod(period),
          // Multer reads the name as latin1; browsers send UTF-8.
          fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
          bytes: file.buffer,
        },
      );
      res.status(result.outcome === 'CREATED' ? 201 : 200).json(result);
    });
  }

  @Get(':edition/:period/:file')
  async template(
    @Param('edition') edition: string,
    @Param('period') period: string,
    @Param('file') file: string,
    @Query('importi') withFigures: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.answer(res, async (em) => {
      // A download changes nothing: the session cookie needs no CSRF token (a plain link works).
      const viewer = requireRole(await resolveRequestCredentials(em, req, this.jwtSecret, { requireCsrf: false }), TEMPLATE_READERS);
      const match = /^modello\.(xlsx|csv)$/.exec(file);
      if (!match) throw badUserInput('file', 'Il modello si scarica come modello.xlsx o modello.csv.');
      const template = await spendingTemplate(em, viewer.enteId, {
        editionCode: edition,
        cutoffDate: parsePeriod(period),
        format: match[1] as TemplateFormat,
        withFigures: withFigures === 'si' || withFigures === 'true',
      });
      res.status(200);
      res.setHeader('Content-Type', template.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${template.fileName}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(template.bytes);
    });
  }

  private async answer(res: Response, work: (em: EntityManager) => Promise<void>): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    try {
      await work(em);
    } catch (error) {
      const extensions = (error as GraphQLError).extensions ?? {};
      const code = extensions['code'] as string | undefined;
      const status = code ? HTTP_STATUS[code] : undefined;
      if (!status) throw error;
      const { code: _code, http: _http, ...details } = extensions as Record<string, unknown>;
      res.status(status).json({ statusCode: status, code, message: (error as Error).message, ...details });
    }
  }
}
