import { Clock } from '../../../src/clock/clock';
import { atEachMidnight } from '../../../src/clock/midnights';

class SettableClock extends Clock {
  constructor(public instant: string) {
    super();
  }
  now = () => new Date(this.instant);
}

const HOUR_MS = 60 * 60 * 1000;

describe('atEachMidnight (jest fake timers: the test cannot wait for a real midnight)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("calls once when the zone's day turns, as the clock tells it", () => {
    const clock = new SettableClock('2025-01-14T22:59:59Z'); // 23:59:59 in Stockholm
    const onMidnight = jest.fn();
    const stop = atEachMidnight(clock, 'Europe/Stockholm', onMidnight);

    clock.instant = '2025-01-14T23:00:00.001Z';
    jest.advanceTimersByTime(1_000);
    expect(onMidnight).toHaveBeenCalledTimes(1);

    clock.instant = '2025-01-15T12:00:00Z';
    jest.advanceTimersByTime(1_000);
    expect(onMidnight).toHaveBeenCalledTimes(1);
    stop();
  });

  it('only waits again when the timer fires while the clock still says the same day', () => {
    const clock = new SettableClock('2025-01-14T22:59:59Z');
    const onMidnight = jest.fn();
    const stop = atEachMidnight(clock, 'Europe/Stockholm', onMidnight);

    jest.advanceTimersByTime(5_000); // a frozen clock: 23:59:59 for five seconds
    expect(onMidnight).not.toHaveBeenCalled();

    clock.instant = '2025-01-14T23:00:00Z';
    jest.advanceTimersByTime(1_000);
    expect(onMidnight).toHaveBeenCalledTimes(1);
    stop();
  });

  it('notices within the hour a clock set forward past midnight', () => {
    const clock = new SettableClock('2025-01-14T08:00:00Z');
    const onMidnight = jest.fn();
    const stop = atEachMidnight(clock, 'Europe/Stockholm', onMidnight);

    clock.instant = '2025-01-16T08:00:00Z';
    jest.advanceTimersByTime(HOUR_MS);
    expect(onMidnight).toHaveBeenCalledTimes(1);
    stop();
  });

  it('calls nothing once stopped, and leaves no timer', () => {
    const clock = new SettableClock('2025-01-14T22:59:59Z');
    const onMidnight = jest.fn();
    atEachMidnight(clock, 'Europe/Stockholm', onMidnight)();

    clock.instant = '2025-01-15T00:00:00Z';
    jest.advanceTimersByTime(HOUR_MS);
    expect(onMidnight).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0);
  });

  it("keeps no process alive: its timer is unref'd", () => {
    jest.useRealTimers();
    const timers = jest.spyOn(global, 'setTimeout');
    const stop = atEachMidnight(new SettableClock('2025-01-14T12:00:00Z'), 'UTC', jest.fn());
    try {
      expect((timers.mock.results[0].value as NodeJS.Timeout).hasRef()).toBe(false);
    } finally {
      stop();
      timers.mockRestore();
    }
  });
});
