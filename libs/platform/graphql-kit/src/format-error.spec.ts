import { BadRequestException, ForbiddenException, HttpException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { GraphQLError, locatedError, type GraphQLFormattedError } from 'graphql';
import { DomainError, notFound } from './domain-error';
import { createFormatError } from './format-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * What Apollo hands to `formatError` for an error thrown by a resolver: graphql-js wraps it
 * (originalError) and Apollo adds a code (INTERNAL_SERVER_ERROR unless the error has one) and,
 * in development, a stacktrace.
 */
function thrownByResolver(thrown: Error): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const error = locatedError(thrown, undefined, ['planEditions', 0, 'summary']);
  const json = error.toJSON();
  const formatted: GraphQLFormattedError = {
    ...json,
    locations: [{ line: 3, column: 5 }],
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...json.extensions, stacktrace: ['Error: boom', '    at secret (/srv/app/x.js:1:1)'] },
  };
  return { formatted, error };
}

describe('createFormatError', () => {
  let logError: jest.Mock<void, [string, unknown]>;
  let format: ReturnType<typeof createFormatError>;

  beforeEach(() => {
    logError = jest.fn<void, [string, unknown]>();
    format = createFormatError(logError);
  });

  describe('an unexpected error', () => {
    const cause = new Error('connection to postgres://admin:s3cret@db:5432/dup refused');

    it('becomes INTERNAL_SERVER_ERROR with an errorId and an Italian message that leaks nothing', () => {
      const { formatted, error } = thrownByResolver(cause);
      const result = format(formatted, error);
      expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.stringMatching(UUID) });
      const errorId = result.extensions?.['errorId'] as string;
      expect(result.message).toBe(`Errore interno del servizio. Comunicare all'assistenza il riferimento ${errorId}.`);
      expect(JSON.stringify(result)).not.toMatch(/s3cret|postgres:|refused|stacktrace|secret/);
    });

    it('keeps locations and path so the client knows which field failed', () => {
      const { formatted, error } = thrownByResolver(cause);
      const result = format(formatted, error);
      expect(result.path).toEqual(['planEditions', 0, 'summary']);
      expect(result.locations).toEqual([{ line: 3, column: 5 }]);
    });

    it('logs the real cause under the same errorId', () => {
      const { formatted, error } = thrownByResolver(cause);
      const result = format(formatted, error);
      expect(logError).toHaveBeenCalledTimes(1);
      expect(logError).toHaveBeenCalledWith(result.extensions?.['errorId'], cause);
    });

    it('gives every occurrence its own errorId', () => {
      const { formatted, error } = thrownByResolver(cause);
      const first = format(formatted, error).extensions?.['errorId'];
      const second = format(formatted, error).extensions?.['errorId'];
      expect(first).not.toBe(second);
    });

    it('also when the error is not wrapped and carries no code at all', () => {
      const result = format({ message: 'TypeError: x is undefined' }, new TypeError('x is undefined'));
      expect(result.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
      expect(result.message).not.toContain('undefined');
      expect(logError).toHaveBeenCalledWith(result.extensions?.['errorId'], expect.any(TypeError));
    });

    it('an unknown code is not trusted either', () => {
      const result = format({ message: 'internal detail', extensions: { code: 'SOMETHING_ELSE' } }, new GraphQLError('internal detail'));
      expect(result.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
      expect(result.message).not.toContain('internal detail');
    });
  });

  describe('a DomainError', () => {
    it('keeps its code, its Italian message and its details, without the stacktrace', () => {
      const { formatted, error } = thrownByResolver(notFound('Edizione del DUP', 'LI-2020'));
      const result = format(formatted, error);
      expect(result.message).toBe('Edizione del DUP non trovato: LI-2020');
      expect(result.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Edizione del DUP', key: 'LI-2020' });
      expect(result.path).toEqual(['planEditions', 0, 'summary']);
      expect(logError).not.toHaveBeenCalled();
    });

    it.each(['BAD_USER_INPUT', 'PERIOD_LOCKED', 'QUERY_TOO_DEEP', 'PAGE_TOO_LARGE'] as const)('keeps %s', (code) => {
      const { formatted, error } = thrownByResolver(new DomainError(code, 'Messaggio per l’utente'));
      const result = format(formatted, error);
      expect(result.extensions).toEqual({ code });
      expect(result.message).toBe('Messaggio per l’utente');
    });
  });

  describe('a Nest HttpException', () => {
    it.each([
      [new ForbiddenException('Operazione non consentita'), 'FORBIDDEN'],
      [new UnauthorizedException('Accesso richiesto'), 'UNAUTHENTICATED'],
      [new NotFoundException('Non trovato'), 'NOT_FOUND'],
      [new BadRequestException('Richiesta non valida'), 'BAD_USER_INPUT'],
      [new HttpException('Troppe richieste', 429), 'TOO_MANY_REQUESTS'],
    ])('%s → %s, message kept, stacktrace removed', (exception, code) => {
      const { formatted, error } = thrownByResolver(exception);
      const result = format(formatted, error);
      expect(result.extensions).toEqual({ code });
      expect(result.message).toBe(exception.message);
      expect(logError).not.toHaveBeenCalled();
    });

    it('a status with no public code (500, 418) is treated as internal', () => {
      for (const status of [500, 418]) {
        const { formatted, error } = thrownByResolver(new HttpException('dettaglio interno', status));
        const result = format(formatted, error);
        expect(result.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
        expect(result.message).not.toContain('dettaglio interno');
      }
      expect(logError).toHaveBeenCalledTimes(2);
    });
  });

  describe("the frameworks' own errors", () => {
    it('are translated into Italian, keeping code and locations and dropping the stacktrace', () => {
      const formatted: GraphQLFormattedError = {
        message: 'Cannot query field "nope" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['GraphQLError: Cannot query field'] },
      };
      const result = format(formatted, new GraphQLError(formatted.message));
      expect(result).toEqual({
        message: 'Il campo "nope" non esiste nel tipo "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });

    it("translate a variable error, keeping our scalar's Italian reason", () => {
      const message = 'Variable "$p" got invalid value "30/06/2020"; Data non valida (atteso yyyy-mm-dd): 30/06/2020';
      const result = format({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message));
      expect(result).toEqual({ message: 'Valore non valido per la variabile "$p": Data non valida (atteso yyyy-mm-dd): 30/06/2020', extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('translate Apollo\'s CSRF refusal, keeping BAD_REQUEST', () => {
      const message =
        "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight\n";
      const result = format({ message, extensions: { code: 'BAD_REQUEST' } }, new GraphQLError(message));
      expect(result.extensions).toEqual({ code: 'BAD_REQUEST' });
      expect(result.message).toMatch(/^Richiesta bloccata come possibile falsificazione da un altro sito \(CSRF\)/);
    });

    it.each([
      ['GRAPHQL_VALIDATION_FAILED', 'La richiesta GraphQL non è valida per lo schema del servizio.'],
      ['GRAPHQL_PARSE_FAILED', 'Errore di sintassi nella richiesta GraphQL.'],
      ['BAD_REQUEST', 'Richiesta HTTP non valida.'],
      ['OPERATION_RESOLUTION_FAILURE', 'Impossibile stabilire quale operazione della richiesta eseguire.'],
    ])('that no rule knows get the Italian sentence of %s, with the original under extensions.detail', (code, italian) => {
      const message = 'Some future wording of a framework error.';
      const result = format({ message, extensions: { code } }, new GraphQLError(message));
      expect(result).toEqual({ message: italian, extensions: { code, detail: message } });
    });

    it('leave our own BAD_USER_INPUT messages as they are', () => {
      const message = 'Valore decimale non valido: "60,5".';
      expect(format({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message))).toEqual({ message, extensions: { code: 'BAD_USER_INPUT' } });
    });
  });

  it('never rewrites a DomainError, whatever its text', () => {
    const { formatted, error } = thrownByResolver(new DomainError('BAD_USER_INPUT', 'Syntax Error: citato dal testo dell\'utente.'));
    expect(format(formatted, error).message).toBe("Syntax Error: citato dal testo dell'utente.");
  });
});
