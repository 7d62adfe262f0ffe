import { NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import send from 'send';

/** What send reports: an HTTP error with the status it would have answered. */
type SendError = Error & { status?: number };

/**
 * Sends a file of the web app's build with `send` (the library behind Express's sendFile):
 * Content-Type, ETag and Last-Modified, 304 to a browser that holds the same file, ranges;
 * `cache-control` as given. A file that is not there is a 404 like any unknown path. Once send
 * writes its headers the answer is its own (the reply is hijacked from Fastify); the promise
 * resolves then, or rejects before with what Nest is to answer.
 */
export function sendFile(request: FastifyRequest, reply: FastifyReply, file: string, { root, cacheControl }: { root: string; cacheControl: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    let sending = false;
    send(request.raw, file, { root, dotfiles: 'deny', cacheControl: false })
      .on('headers', (response) => {
        reply.hijack();
        sending = true;
        // Set after the service's own no-store, which it replaces: these files hold no personal data.
        response.setHeader('cache-control', cacheControl);
        resolve();
      })
      .on('error', (error: SendError) => {
        if (!sending) return reject(error.status === 404 ? new NotFoundException(`Cannot GET ${request.url}`) : error);
        // A precondition or range refused after the headers (412, 416): the status is the answer.
        reply.raw.statusCode = error.status ?? 500;
        reply.raw.end();
      })
      .pipe(reply.raw);
  });
}
