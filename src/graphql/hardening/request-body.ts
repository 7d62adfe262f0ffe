import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';

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

/** What body-parser throws: an HTTP error with a `type` such as 'entity.too.large'. */
interface BodyError {
  type: string;
  status: number;
}

const isBodyError = (error: unknown): error is BodyError =>
  typeof (error as BodyError | null)?.type === 'string' && typeof (error as BodyError).status === 'number';

function answerUnreadableBody(error: unknown, _request: IncomingMessage, response: ServerResponse, next: (error: unknown) => void): void {
  if (!isBodyError(error) || error.status < 400 || error.status >= 500) return next(error);
  const [message, code] =
    error.status === 413
      ? [`The request body is larger than the limit of ${MAX_BODY_BYTES / 1024} kB`, 'PAYLOAD_TOO_LARGE']
      : ['The request body could not be read as JSON', 'BAD_REQUEST'];
  response.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
