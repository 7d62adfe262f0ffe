import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { errorBody } from '../graphql/hardening/error-body';

/** When a client refused during a stop is told to come back: a restarted service, or another instance, answers by then. */
export const SHUTTING_DOWN_RETRY_AFTER_SECONDS = 2;

/**
 * How long connections left idle (kept alive by their clients, or opened and not yet used) stay
 * open once every request read is answered: a request a client sends on one meanwhile is
 * refused with SHUTTING_DOWN instead of being lost with its connection.
 */
export const IDLE_GRACE_MS = 1_000;

/** What a request that arrives after the stop began is answered, before anything of it runs. */
const SHUTTING_DOWN = {
  headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(SHUTTING_DOWN_RETRY_AFTER_SECONDS), connection: 'close' },
  body: JSON.stringify(
    errorBody(`The service is stopping: nothing of this request was run; send it again in ${SHUTTING_DOWN_RETRY_AFTER_SECONDS} s`, 'SHUTTING_DOWN', {
      retryAfterSeconds: SHUTTING_DOWN_RETRY_AFTER_SECONDS,
    }),
  ),
};

/**
 * The HTTP side of a stop: the port closes, the requests that arrived before are answered and
 * those that arrive after refused, and every connection ends once its answer is sent. A
 * WebSocket leaves this count at its upgrade: it ends with the subscriptions (graphql-ws closes
 * it with 1001 Going Away).
 */
export class HttpDrain {
  private readonly connections = new Set<Socket>();
  private readonly inFlight = new Set<ServerResponse>();
  private readonly arrivedWhileStopping = new WeakSet<IncomingMessage>();
  /** Conditions a drain waits for, checked whenever a connection or a request ends. */
  private readonly waiting = new Set<() => void>();
  private stopping = false;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.connections.add(socket);
      socket.once('close', () => this.ended(() => this.connections.delete(socket)));
    });
    server.on('upgrade', (_request: IncomingMessage, socket: Socket) => this.ended(() => this.connections.delete(socket)));
    // Before Fastify sees the request, headers read and body perhaps still to come: that is when it arrived.
    server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
      if (this.stopping) {
        this.arrivedWhileStopping.add(request);
        response.setHeader('connection', 'close');
      }
      this.inFlight.add(response);
      response.once('close', () => this.ended(() => this.inFlight.delete(response)));
    });
  }

  /**
   * A Fastify onRequest hook, before the body is read: a request that arrived after the stop
   * began is refused with 503 SHUTTING_DOWN and Retry-After, and nothing of it runs.
   */
  readonly refuseWhileStopping = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (!this.arrivedWhileStopping.has(request.raw)) return done();
    reply.code(503).headers(SHUTTING_DOWN.headers).send(SHUTTING_DOWN.body);
  };

  /**
   * Closes the port, answers every request that arrived before (each answer then ends its
   * connection), ends idle connections after IDLE_GRACE_MS, and waits for every connection to
   * end; at most `boundMs` in all, then cuts what is left. Answers how many requests were cut off.
   */
  async drain(boundMs: number): Promise<number> {
    const deadline = Date.now() + boundMs;
    this.stopping = true;
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
    // Connections still in the kernel's backlog are reset with the port: nothing of them was read.
    // (Taking them first cannot be bounded: Node accepts one per turn of its loop, while more arrive.)
    // net's close, not http's: that one also ends idle connections at once, losing a request a client sends on one now.
    NetServer.prototype.close.call(this.server);
    await this.until(() => this.inFlight.size === 0, deadline);
    await this.until(() => this.connections.size === 0, Math.min(deadline, Date.now() + IDLE_GRACE_MS));
    this.server.closeIdleConnections();
    await this.until(() => this.connections.size === 0, deadline);
    const cutOff = this.inFlight.size;
    this.server.closeAllConnections();
    return cutOff;
  }

  private ended(forget: () => void): void {
    forget();
    for (const check of this.waiting) check();
  }

  /** Resolves once `done()` holds, or at `deadline`. */
  private until(done: () => boolean, deadline: number): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.waiting.delete(check);
        resolve();
      };
      const check = () => done() && finish();
      const timer = setTimeout(finish, Math.max(0, deadline - Date.now()));
      this.waiting.add(check);
    });
  }
}
