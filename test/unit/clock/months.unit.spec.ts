import fc from 'fast-check';
import { lastDayOf, monthAfter, monthBefore, monthsAfter } from '../../../src/clock/months';

const months = fc.record({ year: fc.integer({ min: 1900, max: 2200 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

describe('business months (YYYY-MM)', () => {
  it('steps one month back and forth, across a new year too', () => {
    expect([monthBefore('2026-11'), monthBefore('2026-10'), monthBefore('2027-01')]).toEqual(['2026-10', '2026-09', '2026-12']);
    expect([monthAfter('2025-12'), monthAfter('2026-09')]).toEqual(['2026-01', '2026-10']);
    expect([monthsAfter('2026-03', -2), monthsAfter('2026-03', -27), monthsAfter('2026-03', 0)]).toEqual(['2026-01', '2023-12', '2026-03']);
  });

  it('counts n months as n single steps, in either direction, and keeps the order of strings', () => {
    fc.assert(
      fc.property(months, fc.integer({ min: -60, max: 60 }), (month, count) => {
        let stepped = month;
        for (let i = 0; i < Math.abs(count); i++) stepped = count < 0 ? monthBefore(stepped) : monthAfter(stepped);
        expect(monthsAfter(month, count)).toBe(stepped);
        expect(monthsAfter(monthsAfter(month, count), -count)).toBe(month);
        expect(Math.sign(monthsAfter(month, count).localeCompare(month))).toBe(Math.sign(count));
      }),
    );
  });

  it.each([
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026-12', '2026-12-31'],
    ['2026-04', '2026-04-30'],
  ])('ends %s on %s', (month, day) => {
    expect(lastDayOf(month)).toBe(day);
  });
});
