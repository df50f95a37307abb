import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';

const MESSAGES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'Richiesta non valida: controllare che il corpo sia JSON valido.' },
  401: { code: 'UNAUTHENTICATED', message: 'Accesso richiesto.' },
  403: { code: 'FORBIDDEN', message: 'Operazione non consentita.' },
  404: { code: 'NOT_FOUND', message: 'Risorsa non trovata.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Richiesta troppo grande: il limite è di 256 KB.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Formato della richiesta non supportato: usare application/json.' },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Troppe richieste in poco tempo: riprovare tra qualche secondo.' },
};

/**
 * Plain HTTP errors (outside GraphQL: body parser, unknown routes) get an Italian message and a
 * stable code like GraphQL errors do. GraphQL errors are left to Apollo's formatter.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    const status = exception instanceof HttpException ? exception.getStatus() : ((exception as { status?: number })?.status ?? 500);
    const known = MESSAGES[status];
    if (known) {
      res.status(status).json({ statusCode: status, ...known });
      return;
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, 'HTTP internal error');
    res.status(500).json({
      statusCode: 500,
      code: 'INTERNAL_SERVER_ERROR',
      message: `Errore interno del servizio. Comunicare all'assistenza il riferimento ${errorId}.`,
      errorId,
    });
  }
}
