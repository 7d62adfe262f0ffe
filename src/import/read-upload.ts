import type { Readable } from 'node:stream';
import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { ImportFormat } from './raw-table';

/** The largest file an upload takes: some 60,000 rows of CSV. Larger imports run with `npm run import`, which has no limit. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The media types of the formats an upload takes. */
export const FORMAT_OF_MEDIA_TYPE: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

export const UPLOAD_MEDIA_TYPES = Object.keys(FORMAT_OF_MEDIA_TYPE);

const tooLarge = () => new PayloadTooLargeException(`The file is larger than the limit of ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB: import it with npm run import`);

/**
 * The request's body as bytes, up to MAX_UPLOAD_BYTES, read once the caller has been let in: a
 * refused caller's file is never read (upload-parser.ts leaves it unread). Too large, by its
 * Content-Length or once read: 413 PAYLOAD_TOO_LARGE, and the rest is not read.
 */
export async function readUpload(request: { headers: Record<string, unknown>; body?: unknown }): Promise<Buffer> {
  if (Number(request.headers['content-length']) > MAX_UPLOAD_BYTES) throw tooLarge();
  const body = request.body as Readable | undefined;
  if (!body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > MAX_UPLOAD_BYTES) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof PayloadTooLargeException) throw error;
    throw new BadRequestException('The request body could not be read');
  }
  return Buffer.concat(chunks, size);
}
