import { retryDelay } from '../../../src/projections/retry-delay';

describe('retryDelay', () => {
  const policy = { firstDelayMs: 100, maxDelayMs: 30_000 };

  it('doubles from the first delay with every failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelay(attempts, policy))).toEqual([100, 200, 400, 800, 1_600]);
  });

  it('stops at the cap, however long the projection has been failing', () => {
    expect(retryDelay(9, policy)).toBe(25_600);
    expect(retryDelay(10, policy)).toBe(30_000);
    expect(retryDelay(1_000_000, policy)).toBe(30_000);
  });
});
