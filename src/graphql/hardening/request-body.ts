import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { errorBody } from './error-body';

/** The largest JSON body read: a GraphQL document is limited to 1,000 tokens, its variables to a few case fields. */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Reads JSON bodies up to MAX_BODY_BYTES, and answers a body that cannot be read in GraphQL's
 * error shape: Express's own answer is an HTML page with a stack trace outside production.
 */
export function limitRequestBodies(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: MAX_BODY_BYTES });
  app.use(answerUnreadableBody);
}

/** What body-parser throws: an HTTP error, with a `type` such as 'entity.too.large' unless zlib failed. */
interface BodyError {
  type?: string;
  status: number;
}

const isBodyError = (error: unknown): error is BodyError => typeof (error as BodyError | null)?.status === 'number';

/** What the client is told, by what went wrong. */
function describeBodyError({ status, type }: BodyError): [message: string, code: string] {
  if (status === 413) return [`The request body is larger than the limit of ${MAX_BODY_BYTES / 1024} kB`, 'PAYLOAD_TOO_LARGE'];
  if (status === 415) return ['The request body is in an encoding that is not supported: send it as is, or gzip, deflate or br', 'UNSUPPORTED_MEDIA_TYPE'];
  // A body announced as gzip or deflate that does not decompress: zlib's error has no type.
  if (type === undefined) return ['The request body could not be decompressed as its Content-Encoding says', 'BAD_REQUEST'];
  return ['The request body could not be read as JSON', 'BAD_REQUEST'];
}

function answerUnreadableBody(error: unknown, _request: IncomingMessage, response: ServerResponse, next: (error: unknown) => void): void {
  if (!isBodyError(error) || error.status < 400 || error.status >= 500) return next(error);
  const [message, code] = describeBodyError(error);
  response.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(errorBody(message, code)));
}
