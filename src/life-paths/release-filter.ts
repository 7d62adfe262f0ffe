import type { OutcomeClass } from '../journey/domain/vocabulary';

/**
 * Selects on the released values only (release-tables.ts). Filtering before anonymising, or on
 * exact values, would let a narrow filter rebuild a class smaller than k; this way a filtered answer
 * is a subset of the whole release and shows nothing it does not. A value generalised to null
 * matches no filter on it. Absent or null fields do not filter (GraphQL passes null for an unset
 * input field).
 */
export interface LifePathFilter {
  city?: string | null;
  programme?: string | null;
  outcome?: OutcomeClass | null;
  entryYear?: number | null;
}
