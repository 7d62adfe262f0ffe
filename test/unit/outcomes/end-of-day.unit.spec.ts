import { endOfDay } from '../../../src/outcomes/end-of-day';

describe("the instant a day ends in a city's time zone (researchers' updatedAt)", () => {
  it('is the next midnight there, in zones more than 12 hours ahead of UTC too', () => {
    // New Zealand Daylight Time (UTC+13): noon UTC on 31 October is already 1 November there.
    expect(endOfDay('2026-10-31', 'Pacific/Auckland').toISOString()).toBe('2026-10-31T11:00:00.000Z');
    // New Zealand Standard Time (UTC+12).
    expect(endOfDay('2026-06-30', 'Pacific/Auckland').toISOString()).toBe('2026-06-30T12:00:00.000Z');
    expect(endOfDay('2026-12-31', 'Pacific/Kiritimati').toISOString()).toBe('2026-12-31T10:00:00.000Z');
  });

  it('is the next midnight there in zones behind UTC and on it', () => {
    expect(endOfDay('2026-10-31', 'Europe/Paris').toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(endOfDay('2026-11-30', 'Pacific/Pago_Pago').toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(endOfDay('2026-11-30', 'UTC').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});
