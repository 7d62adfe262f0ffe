import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/** The largest JSON body read: a GraphQL document is limited to 1,000 tokens, its variables to a few case fields. */
export const MAX_BODY_BYTES = 100 * 1024;

/** The Content-Encodings a body may come in, as Express's body parser took them. */
const DECOMPRESSORS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** zlib's errors met decompressing a body (their codes differ by format). */
const decompressionErrors = new WeakSet<Error>();

/** A body in an encoding the service cannot read: 415, before any of it is read. */
class UnsupportedEncoding extends Error {
  readonly code = 'UNSUPPORTED_ENCODING';
  readonly statusCode = 415;
}

/**
 * Reads bodies sent gzip, deflate or br as their decompressed bytes (Fastify reads only bodies as
 * they are): the body limits then count the decompressed bytes, so a small bomb is refused as a
 * large body. Any other encoding is refused with 415.
 */
export function readEncodedBodies(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding === 'identity') return payload;
    const decompress = DECOMPRESSORS[encoding];
    if (!decompress) throw new UnsupportedEncoding(`Content-Encoding ${encoding}`);
    // Fastify compares the bytes received, not those decompressed, with Content-Length.
    const decompressed = Object.assign(payload.pipe(decompress()), { receivedEncodedLength: 0 });
    decompressed.on('error', (error) => decompressionErrors.add(error));
    payload.on('data', (chunk: Buffer) => (decompressed.receivedEncodedLength += chunk.length));
    payload.on('error', (error) => decompressed.destroy(error));
    return decompressed;
  });
}

/** What the client is told of a body that could not be read (Fastify's error codes, and ours above), or null for another error. */
export function describeUnreadableBody(error: unknown): [status: number, message: string, code: string] | null {
  const { code } = (error ?? {}) as { code?: string };
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return [413, `The request body is larger than the limit of ${MAX_BODY_BYTES / 1024} kB`, 'PAYLOAD_TOO_LARGE'];
  if (code === 'UNSUPPORTED_ENCODING') return [415, 'The request body is in an encoding that is not supported: send it as is, or gzip, deflate or br', 'UNSUPPORTED_MEDIA_TYPE'];
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return [400, 'The request body could not be read as JSON', 'BAD_REQUEST'];
  if (decompressionErrors.has(error as Error)) return [400, 'The request body could not be decompressed as its Content-Encoding says', 'BAD_REQUEST'];
  return null;
}
