/** How long a failing projection waits before its next attempt. */
export interface RetryPolicy {
  firstDelayMs: number;
  /** The cap: a projection broken for hours still retries this often, so it heals soon after its cause does. */
  maxDelayMs: number;
}

/** Exponential backoff: the first delay, doubled on every further failed attempt, up to the cap. */
export function retryDelay(failedAttempts: number, policy: RetryPolicy): number {
  // Capping the exponent first keeps 2 ** n finite after days of failures.
  const doublings = Math.min(Math.max(failedAttempts - 1, 0), 52);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** doublings);
}
