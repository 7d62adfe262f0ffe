import type { CalendarDate } from '../journey/domain/vocabulary';

// Business months are 'YYYY-MM' strings: they sort as they follow one another.

/** The month `count` months after `month` (before it when negative): ('2025-12', 1) → '2026-01'. */
export function monthsAfter(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** '2026-01' → '2025-12'. */
export const monthBefore = (month: string): string => monthsAfter(month, -1);

/** '2025-12' → '2026-01'. */
export const monthAfter = (month: string): string => monthsAfter(month, 1);

/** '2026-02' → '2026-02-28'. */
export function lastDayOf(month: string): CalendarDate {
  const [year, m] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last of this one.
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}
