import type { Clock } from './clock';
import { nextMidnight } from './time-zone-dates';

/**
 * A timer waits at most this long before it reads the clock again: a clock set forward (NTP, a
 * resumed virtual machine) is noticed within the hour, not a day late.
 */
const LONGEST_WAIT_MS = 60 * 60 * 1000;

/** Stops the calls of `atEachMidnight`. */
export type StopMidnights = () => void;

/**
 * Calls `onMidnight` once each time the day turns in `timeZone`, as `clock` tells the time. The
 * timer is unref'd (it keeps no process alive); one that fires early because the clock was set
 * back, or is frozen in a test, only waits again.
 */
export function atEachMidnight(clock: Clock, timeZone: string, onMidnight: () => void): StopMidnights {
  let timer: NodeJS.Timeout;
  const waitForDayAfter = (day: string): void => {
    const now = clock.now();
    const wait = Math.min(nextMidnight(now, timeZone).getTime() - now.getTime(), LONGEST_WAIT_MS);
    timer = setTimeout(() => {
      const today = clock.today(timeZone);
      waitForDayAfter(today);
      if (today !== day) onMidnight();
    }, wait).unref();
  };
  waitForDayAfter(clock.today(timeZone));
  return () => clearTimeout(timer);
}
