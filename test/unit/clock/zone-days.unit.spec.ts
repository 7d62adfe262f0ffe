import fc from 'fast-check';
import { dateIn } from '../../../src/clock/time-zone-dates';
import { ZoneDays } from '../../../src/clock/zone-days';

const ZONES = ['Pacific/Kiritimati', 'Etc/GMT+12', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago', 'Europe/Paris'];
const HOUR_MS = 60 * 60 * 1000;

describe('ZoneDays', () => {
  it('answers what dateIn answers, for instants in any order: days of either side, a clock set back, other zones between', () => {
    const start = Date.UTC(2025, 2, 29, 12);
    // Steps of up to two days either way around a daylight saving change, in zones asked in any order.
    const steps = fc.array(fc.tuple(fc.integer({ min: -48 * HOUR_MS, max: 48 * HOUR_MS }), fc.constantFrom(...ZONES)), { maxLength: 40 });
    fc.assert(
      fc.property(steps, (moves) => {
        const days = new ZoneDays();
        let at = start;
        for (const [step, zone] of moves) {
          at += step;
          expect(days.dateIn(new Date(at), zone)).toBe(dateIn(new Date(at), zone));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("turns with the zone's midnight, to the millisecond", () => {
    const days = new ZoneDays();
    expect(days.dateIn(new Date('2025-01-14T12:00:00Z'), 'Europe/Paris')).toBe('2025-01-14');
    expect(days.dateIn(new Date('2025-01-14T22:59:59.999Z'), 'Europe/Paris')).toBe('2025-01-14');
    expect(days.dateIn(new Date('2025-01-14T23:00:00Z'), 'Europe/Paris')).toBe('2025-01-15');
  });
});
