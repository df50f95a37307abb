import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import JSZip from 'jszip';
import { randomUUID } from 'node:crypto';
import { requireViewer, resolveRequestCredentials } from '@dup/auth';
import { loadCollectionSources } from '../collection-source';
import { fileRejection } from '../import-problems';
import { importCollectionWorkbook } from '../import-workbook';
import { workbookFileName, writeCollectionWorkbook } from '../write-workbook';
import { COLLECTION_LIMITS } from '../zip-guard';

export const COLLECTION_JWT_SECRET = Symbol('COLLECTION_JWT_SECRET');

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PERIOD_LOCKED: 409,
  CSRF_TOKEN_INVALID: 403,
};
const PERIOD = /^\d{4}-(06-30|12-31)$/;

/** The part of a multipart upload the interceptor hands over (memory storage). */
interface UploadedPart {
  buffer: Buffer;
  size: number;
  originalname: string;
}

/**
 * Collection workbooks over HTTP, with the credentials of the report downloads:
 * GET /collection/:edition/:period.xlsx?settore=CODE (one department) or .zip (every department,
 * planning office), and POST /imports/collection (multipart field "file"; optional "period" and
 * "settore" the file must match). Errors are JSON: Italian message, code, reason, problems.
 */
@Controller()
export class CollectionController {
  constructor(
    private readonly orm: MikroORM,
    @Inject(COLLECTION_JWT_SECRET) private readonly jwtSecret: string,
  ) {}

  @Get('collection/:edition/:file')
  async download(
    @Param('edition') edition: string,
    @Param('file') file: string,
    @Query('settore') settore: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    await answer(res, async () => {
      const viewer = requireViewer(await resolveRequestCredentials(em, req, this.jwtSecret, { requireCsrf: false }));
      const match = /^(\d{4}-\d{2}-\d{2})\.(xlsx|zip)$/.exec(file);
      if (!match || !PERIOD.test(match[1]))
        throw new GraphQLError('Indicare il file come AAAA-MM-GG.xlsx (un settore) o AAAA-MM-GG.zip (tutti i settori).', {
          extensions: { code: 'BAD_USER_INPUT', field: 'file' },
        });
      const departmentCode = typeof settore === 'string' && settore ? settore : null;
      if ((match[2] === 'xlsx') !== Boolean(departmentCode))
        throw new GraphQLError('Per un file .xlsx indicare il settore (?settore=CODICE); il file .zip contiene tutti i settori.', {
          extensions: { code: 'BAD_USER_INPUT', field: 'settore' },
        });
      const sources = await loadCollectionSources(em, viewer, { editionCode: edition, period: match[1], departmentCode });
      let bytes: Buffer;
      let name: string;
      if (departmentCode) {
        bytes = await writeCollectionWorkbook(sources[0]);
        name = workbookFileName(sources[0]);
      } else {
        const zip = new JSZip();
        for (const s of sources) zip.file(workbookFileName(s), await writeCollectionWorkbook(s));
        bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
        name = `DUP-${edition}_raccolta_${match[1]}.zip`;
      }
      res.status(200);
      res.setHeader('Content-Type', departmentCode ? XLSX : 'application/zip');
      res.setHeader('Content-Disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(bytes);
    });
  }

  @Post('imports/collection')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: COLLECTION_LIMITS.maxFileBytes, files: 1 } }))
  async upload(
    @UploadedFile() file: UploadedPart | undefined,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    await answer(res, async () => {
      const viewer = requireViewer(await resolveRequestCredentials(em, req, this.jwtSecret, { requireCsrf: true }));
      if (!file) throw fileRejection('NOT_XLSX', 'Nessun file ricevuto: allegare la cartella compilata nel campo "file".');
      const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
      const result = await importCollectionWorkbook({ em, viewer, requestId: String(req.headers['x-request-id'] ?? randomUUID()) }, file.buffer, {
        period: text(body['period']),
        departmentCode: text(body['settore']),
      });
      res.status(200).json(result);
    });
  }
}

/** Runs a handler and turns coded errors (ours, and multer's size limit) into JSON answers. */
async function answer(res: Response, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const extensions = (error as GraphQLError).extensions ?? {};
    const code = extensions['code'] as string | undefined;
    const status = code ? HTTP_STATUS[code] : undefined;
    if (!status) throw error;
    res
      .status(status)
      .json({ statusCode: status, code, reason: extensions['reason'] ?? null, message: (error as Error).message, problems: extensions['problems'] ?? [] });
  }
}
