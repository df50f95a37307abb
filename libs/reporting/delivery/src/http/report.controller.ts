import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { requireViewer, resolveRequestCredentials } from '@dup/auth';
import { CONTENT_TYPES, parseEditionCode, parseFormat, parsePeriod, parseScope } from '../report-request';
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
      if (!match) throw new GraphQLError('Indicare il file come AAAA-MM-GG.formato, es. 2020-06-30.pdf.', { extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
      const request = { editionCode: parseEditionCode(edition), period: parsePeriod(match[1]), format: parseFormat(match[2]), scope: parseScope(scopeValue) };
      const { report, cached } = await this.reports.render(em, viewer, request);
      res.status(200);
      res.setHeader('Content-Type', CONTENT_TYPES[report.format]);
      res.setHeader('Content-Length', String(report.bytes.length));
      const disposition = report.format === 'html' ? 'inline' : 'attachment';
      res.setHeader('Content-Disposition', `${disposition}; filename="${report.fileName}"; filename*=UTF-8''${encodeURIComponent(report.fileName)}`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Report-Cache', cached ? 'hit' : 'miss');
      if (report.pageCount !== null) res.setHeader('X-Report-Pages', String(report.pageCount));
      res.end(report.bytes);
    } catch (error) {
      const code = (error as GraphQLError).extensions?.code as string | undefined;
      const status = code ? HTTP_STATUS[code] : undefined;
      if (!status) throw error;
      res.status(status).json({ statusCode: status, code, message: (error as Error).message });
    }
  }
}
