import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { requireViewer, resolveRequestCredentials } from '@dup/auth';
import { CONTENT_TYPES, parseEditionCode, parseFormat, parsePeriod, parseRevision, parseScope, ZIP_CONTENT_TYPE } from '../report-request';
import { readUpload } from './read-upload';
import type { FrozenFormat } from '../frozen/frozen-store';
import { ReportService } from '../report.service';
import { Inject } from '@nestjs/common';

export const REPORT_JWT_SECRET = Symbol('REPORT_JWT_SECRET');

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

/**
 * Report downloads: GET /reports/:edition/:period.:format?ambito=… with the same bearer
 * credentials as GraphQL. Errors are JSON with an Italian message and a stable code.
 */
/** A top-level page load by a browser (not a script's fetch), which wants a page rather than JSON. */
function isBrowserNavigation(req: Request): boolean {
  return req.headers['sec-fetch-mode'] === 'navigate' || (req.accepts(['json', 'html']) === 'html' && !req.headers['authorization']);
}

@Controller('reports')
export class ReportController {
  constructor(
    private readonly orm: MikroORM,
    private readonly reports: ReportService,
    @Inject(REPORT_JWT_SECRET) private readonly jwtSecret: string,
  ) {}

  @Get(':edition/:file')
  async download(
    @Param('edition') edition: string,
    @Param('file') file: string,
    @Query('ambito') scopeValue: unknown,
    @Query('revisione') revisionValue: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    try {
      // A download is a GET that changes nothing: a browser session cookie needs no CSRF token,
      // so a council member's click on a link just works.
      const credentials = await resolveRequestCredentials(em, req, this.jwtSecret, { requireCsrf: false });
      if (!credentials.viewer && !credentials.authError && isBrowserNavigation(req)) {
        // A person who opened a link without (or with an expired) session: to the login page, then back here.
        res.redirect(303, `/accesso?dopo=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      const viewer = requireViewer(credentials);
      const match = /^(.+)\.([a-z]+)$/i.exec(file);
      if (!match)
        throw new GraphQLError('Indicare il file come AAAA-MM-GG.formato, es. 2020-06-30.pdf.', { extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
      // "zip" is the transparency package of an approved period.
      const format: FrozenFormat = match[2].toLowerCase() === 'zip' ? 'zip' : parseFormat(match[2]);
      const request = {
        editionCode: parseEditionCode(edition),
        period: parsePeriod(match[1]),
        format,
        scope: parseScope(scopeValue),
        revision: parseRevision(revisionValue),
      };
      const report = await this.reports.download(em, viewer, request);
      const { cached } = report;
      res.status(200);
      res.setHeader('Content-Type', report.format === 'zip' ? ZIP_CONTENT_TYPE : CONTENT_TYPES[report.format]);
      res.setHeader('Content-Length', String(report.bytes.length));
      const disposition = report.format === 'html' ? 'inline' : 'attachment';
      res.setHeader('Content-Disposition', `${disposition}; filename="${report.fileName}"; filename*=UTF-8''${encodeURIComponent(report.fileName)}`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Report-Cache', report.frozen ? 'frozen' : cached ? 'hit' : 'miss');
      if (report.frozen) {
        res.setHeader('X-Report-Sha256', report.frozen.sha256);
        res.setHeader('X-Report-Revision', String(report.frozen.revision));
      }
      if (report.pageCount !== null) res.setHeader('X-Report-Pages', String(report.pageCount));
      res.end(report.bytes);
    } catch (error) {
      sendError(res, error);
    }
  }

  /**
   * Verification of a file against the approved reports of the caller's ente: POST the file's
   * bytes as the body (any content type). Answers 200 with `valid` and an Italian message
   * naming the report, its revision and the approving act.
   */
  @Post('verifica')
  async verify(@Req() req: Request, @Res() res: Response): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    try {
      const viewer = requireViewer(await resolveRequestCredentials(em, req, this.jwtSecret, { requireCsrf: true }));
      const bytes = await readUpload(req);
      res.status(200).json(await this.reports.frozen.verify(em, viewer.enteId, bytes));
    } catch (error) {
      sendError(res, error);
    }
  }
}

function sendError(res: Response, error: unknown): void {
  const code = (error as GraphQLError).extensions?.code as string | undefined;
  const status = code ? HTTP_STATUS[code] : undefined;
  if (!status) throw error;
  res.status(status).json({ statusCode: status, code, message: (error as Error).message });
}
