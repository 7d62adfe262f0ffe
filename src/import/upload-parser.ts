import type { FastifyInstance } from 'fastify';
import { UPLOAD_MEDIA_TYPES } from './read-upload';

/**
 * Leaves the body of an upload's media types unread, as a stream, for the controller to read
 * once the caller has been let in (readUpload): Fastify would otherwise read a body before the
 * route's guard runs, and refuse these media types with 415.
 */
export function takeUploadsAsStreams(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(UPLOAD_MEDIA_TYPES, (_request, payload, done) => done(null, payload));
}
