import type { CalendarDate } from '../journey/domain/vocabulary';

const DAY_MS = 86_400_000;

/** Whole days from one calendar date to another; ISO dates parse as UTC midnight, so no DST drift. */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** True for the last day of its month: the only dates researchers may ask figures as of. */
export const isMonthEnd = (date: CalendarDate): boolean => new Date(Date.parse(date) + DAY_MS).getUTCDate() === 1;

/** The calendar date `days` days before `date` ('2026-03-01', 1 → '2026-02-28'). */
export const daysBefore = (date: CalendarDate, days: number): CalendarDate => new Date(Date.parse(date) - days * DAY_MS).toISOString().slice(0, 10);
