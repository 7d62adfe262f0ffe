import type { Failure } from '../api/failure';

/**
 * Waits before each automatic retry of a command that did not reach the service: a dropped
 * connection often comes back within seconds; after these, a "Try again" button, which still
 * sends the same commandId.
 */
export const RETRY_DELAYS_MS = [1000, 2000, 4000] as const;

/**
 * How long to wait before sending a command again after `attempt` sends (1 after the first),
 * or null to stop and ask the person. Only a failure to reach the service is retried by itself:
 * the same commandId makes the retry safe even if the first send was recorded; any answer of the
 * service (a refusal, a rate limit) is shown.
 */
export function retryDelay(failure: Pick<Failure, 'code'>, attempt: number): number | null {
  if (failure.code !== 'NETWORK_ERROR') return null;
  return RETRY_DELAYS_MS[attempt - 1] ?? null;
}

/**
 * Sends until an answer comes, or the retries are spent: `send` resolves with the answer or
 * rejects; `failureOf` reads a rejection; `onRetry` hears of each wait (the attempt about to be
 * made). The last rejection is thrown.
 */
export async function sendWithRetry<T>(
  send: () => Promise<T>,
  failureOf: (error: unknown) => Pick<Failure, 'code'>,
  onRetry: (attempt: number, delayMs: number) => void = () => {},
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const delay = retryDelay(failureOf(error), attempt);
      if (delay === null) throw error;
      onRetry(attempt + 1, delay);
      await wait(delay);
    }
  }
}
