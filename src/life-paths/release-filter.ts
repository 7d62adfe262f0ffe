import type { OutcomeClass } from '../journey/domain/vocabulary';
import type { LifePath } from './anonymise-release';
import { yearOfEntryPeriod } from './quasi-identifiers';

/** Absent or null fields do not filter (GraphQL passes null for an unset input field). */
export interface LifePathFilter {
  city?: string | null;
  programme?: string | null;
  outcome?: OutcomeClass | null;
  entryYear?: number | null;
}

/**
 * Selects on the released values only. Filtering before anonymising, or on exact values, would let
 * a narrow filter rebuild a class smaller than k; this way a filtered answer is a subset of the
 * whole release and shows nothing it does not. A value generalised to null matches no filter on it.
 */
export function filterRelease(paths: readonly LifePath[], filter: LifePathFilter = {}): LifePath[] {
  const { city, programme, outcome, entryYear } = filter;
  return paths.filter(
    (p) =>
      (city == null || p.city === city) &&
      (programme == null || p.programme === programme) &&
      (outcome == null || p.outcome === outcome) &&
      (entryYear == null || yearOfEntryPeriod(p.entryPeriod) === entryYear),
  );
}
