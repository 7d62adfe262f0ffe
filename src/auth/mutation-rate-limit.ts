import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Too many mutations from one token in the current minute. */
export class RateLimited extends Error {
  override readonly name = 'RateLimited';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many changes from this token: try again in ${retryAfterSeconds} s`);
  }
}

/** A budget of mutations per token and minute, so that one leaked or runaway client cannot flood the log. */
export class MutationRateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  async consume(subject: string): Promise<void> {
    try {
      await this.limiter.consume(subject);
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) throw new RateLimited(Math.ceil(refusal.msBeforeNext / 1000));
      throw refusal;
    }
  }
}
