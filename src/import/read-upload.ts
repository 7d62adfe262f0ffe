import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { raw } from 'express';

/** The largest file an upload takes: some 60,000 rows of CSV. Larger imports run with `npm run import`, which has no limit. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The request's body as bytes, read by Express's raw body parser up to MAX_UPLOAD_BYTES, once the
 * caller has been let in: a refused caller's file is never read. Too large: 413 PAYLOAD_TOO_LARGE.
 */
export async function readUpload(request: IncomingMessage & { body?: unknown }, response: ServerResponse): Promise<Buffer> {
  const parse = raw({ type: () => true, limit: MAX_UPLOAD_BYTES });
  await new Promise<void>((resolve, reject) => {
    parse(request as never, response as never, (error?: unknown) => (error ? reject(refusalOf(error)) : resolve()));
  });
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

function refusalOf(error: unknown): Error {
  const status = (error as { status?: number }).status;
  if (status === 413) return new PayloadTooLargeException(`The file is larger than the limit of ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB: import it with npm run import`);
  if (status !== undefined && status < 500) return new BadRequestException('The request body could not be read');
  return error as Error;
}
