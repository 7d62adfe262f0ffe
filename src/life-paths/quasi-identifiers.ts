import type { CalendarDate } from '../journey/domain/vocabulary';

// The release's quasi-identifiers at their finest level and at each coarser one. Only the
// generalised forms ever leave the service; exact dates and birth years stay in the records.

/** By calendar years: only the birth year is collected, never a birth date. */
export const ageAtEntry = (entryDate: CalendarDate, birthYear: number): number => yearOf(entryDate) - birthYear;

/** '50-54'. */
export const fiveYearAgeBand = (age: number): string => ageBand(age, 5);

/** '50-59'. */
export const tenYearAgeBand = (age: number): string => ageBand(age, 10);

function ageBand(age: number, width: number): string {
  const from = Math.floor(age / width) * width;
  return `${from}-${from + width - 1}`;
}

/** '2007-Q2'. */
export const entryQuarter = (date: CalendarDate): string =>
  `${entryYear(date)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** '2007'. */
export const entryYear = (date: CalendarDate): string => date.slice(0, 4);

/** The year of an entry period at either level ('2007-Q2' or '2007'). */
export const yearOfEntryPeriod = (entryPeriod: string): number => Number(entryPeriod.slice(0, 4));

const yearOf = (date: CalendarDate): number => Number(date.slice(0, 4));

/** Eurostat's A*10 aggregation of NACE Rev. 2 sections, labelled by their first and last section. */
export const SECTOR_GROUPS: Readonly<Record<string, readonly string[]>> = {
  A: ['A'],
  'B-E': ['B', 'C', 'D', 'E'],
  F: ['F'],
  'G-I': ['G', 'H', 'I'],
  J: ['J'],
  K: ['K'],
  L: ['L'],
  'M-N': ['M', 'N'],
  'O-Q': ['O', 'P', 'Q'],
  'R-U': ['R', 'S', 'T', 'U'],
};

const GROUP_OF_SECTION: ReadonlyMap<string, string> = new Map(
  Object.entries(SECTOR_GROUPS).flatMap(([group, sections]) => sections.map((s) => [s, group] as const)),
);

/**
 * Null for what is not a NACE section: validation rejects those at enrolment, and an unknown value
 * is safer dropped than released as is.
 */
export const sectorGroupOf = (naceSection: string): string | null => GROUP_OF_SECTION.get(naceSection) ?? null;
