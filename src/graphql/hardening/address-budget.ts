import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import proxyAddress from 'proxy-addr';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { errorBody } from './error-body';

/** What a refused address is told: when to try again. */
export interface AddressRefusal {
  retryAfterSeconds: number;
}

/**
 * HTTP requests and WebSocket upgrades each client address may make per minute, before any token
 * is read: the budgets per token do not hold back a client that sends none, or many. Behind
 * `trustedProxies` reverse proxies, the address is the one the nearest of them saw
 * (X-Forwarded-For, as Fastify's `trustProxy` reads it).
 */
export class AddressBudget {
  private readonly limiter: RateLimiterMemory;

  constructor(
    perMinute: number,
    private readonly trustedProxies: number,
  ) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  /** The client's address, as Fastify's `request.ip` gives it with `trustProxy` set to the same hops. */
  private addressOf(request: IncomingMessage): string {
    return proxyAddress(request, (_address, hop) => hop < this.trustedProxies);
  }

  /** Null when the request may go on, else the refusal. */
  async admit(request: IncomingMessage): Promise<AddressRefusal | null> {
    try {
      await this.limiter.consume(this.addressOf(request));
      return null;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      throw refusal;
    }
  }
}

/** The answer to a refused HTTP request: 429, Retry-After, and the GraphQL error shape. */
export function refusalBody({ retryAfterSeconds }: AddressRefusal): { headers: Record<string, string>; body: string } {
  return {
    headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfterSeconds) },
    body: JSON.stringify(errorBody(`Too many requests from this address: try again in ${retryAfterSeconds} s`, 'RATE_LIMITED', { retryAfterSeconds })),
  };
}

/** Probes come from load balancers and orchestrators, which must never be refused. */
const isProbe = (request: IncomingMessage): boolean => (request.url ?? '').startsWith('/health/');

/** A hook before the body is read: spends one request of the client's address, or answers 429. */
export function limitRequestsPerAddress(fastify: FastifyInstance, budget: AddressBudget): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (isProbe(request.raw)) return;
    const refusal = await budget.admit(request.raw);
    if (!refusal) return;
    const { headers, body } = refusalBody(refusal);
    return reply.code(429).headers(headers).send(body);
  });
}
