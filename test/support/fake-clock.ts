import { SystemClock } from '../../src/clock/clock';

/** The service's clock, stopped at an instant the test sets. */
export interface FakeClock {
  set(instant: string): void;
  restore(): void;
}

/**
 * Replaces the system clock's reading for every app this test file starts: a test cannot change the
 * machine's time, nor wait for a real midnight. Time stands still until `set` moves it.
 */
export function fakeClock(instant: string): FakeClock {
  let now = new Date(instant);
  const reading = jest.spyOn(SystemClock.prototype, 'now').mockImplementation(() => new Date(now));
  return {
    set: (next) => {
      now = new Date(next);
    },
    restore: () => reading.mockRestore(),
  };
}
