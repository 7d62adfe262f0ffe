import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, type HttpServer, Logger } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import { describeError } from '../error-code';
import { errorBody } from './error-body';
import { describeUnreadableBody } from './request-body';

/** The HTTP status of each code the service answers with outside GraphQL (the CSV, /metrics). */
const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  SERVICE_BUSY: 503,
  STORE_UNAVAILABLE: 503,
};

/** The code of a status Nest or Fastify answered with (an unknown route: 404). */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

const logger = new Logger('HTTP');

/**
 * Every error of a plain HTTP request (an unknown route, the CSV's refusals, /metrics without the
 * operators' credential) in the shape GraphQL clients read, `{ errors: [{ message, extensions:
 * { code } }] }`, with the status its code has; a fault is logged with its stack and says nothing
 * more. A readiness report (terminus) is the probe's answer, not an error, and is left as it is.
 * GraphQL's own errors are left to formatError, which codes them and logs only faults: Nest's
 * handler would log every one, a client's mistake included, at error level with its stack. A body
 * that could not be read is the client's mistake too, told what was wrong with it.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  constructor(private readonly http: HttpServer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    const response: unknown = host.switchToHttp().getResponse();
    const json = (status: number, body: unknown) => this.http.reply(response, body, status);
    const described = describeError(exception);
    if (described) {
      const { code, message, extensions, warning } = described;
      if (warning) logger.warn(warning);
      // RFC 6750: a bearer-protected resource names its scheme with a 401.
      if (code === 'UNAUTHENTICATED') this.http.setHeader(response, 'www-authenticate', 'Bearer realm="journey-service"');
      if (typeof extensions.retryAfterSeconds === 'number') this.http.setHeader(response, 'retry-after', String(extensions.retryAfterSeconds));
      return json(STATUS_OF_CODE[code] ?? 400, errorBody(message, code, extensions));
    }
    // Fastify's errors reach the filters as HttpExceptions whose cause is Fastify's.
    const unreadable = describeUnreadableBody(exception instanceof HttpException ? (exception.cause ?? exception) : exception);
    if (unreadable) return json(unreadable[0], errorBody(unreadable[1], unreadable[2]));
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const report = exception.getResponse();
      if (isHealthReport(report)) return json(status, report);
      if (status < 500) return json(status, errorBody(exception.message, CODE_OF_STATUS[status] ?? 'BAD_REQUEST'));
    }
    logger.error(exception instanceof Error ? exception : String(exception));
    json(500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
  }
}

const isHealthReport = (body: unknown): boolean => typeof (body as { status?: unknown } | null)?.status === 'string';
