import type { Contribution } from './participant-contribution';

/** A dashboard's key: a city ('paris') or one of its programmes ('paris/paris-gatp'). */
export const cityScope = (city: string): string => city;
export const programmeScope = (city: string, programme: string): string => `${city}/${programme}`;
/** The city's scope when `programme` is null, else the programme's. */
export const scopeOf = (city: string, programme: string | null): string => (programme === null ? cityScope(city) : programmeScope(city, programme));

/** How one scope's share of a participant changes. */
export interface ScopeChange {
  scope: string;
  before: Contribution | null;
  after: Contribution | null;
}

/**
 * The scopes a change of contribution touches. A participant counts in its city and in the
 * programme of its latest spell only, so a re-enrolment elsewhere takes its whole contribution out
 * of the old programme and into the new one, rather than adjusting both.
 */
export function scopeChanges(city: string, before: Contribution | null, after: Contribution | null): ScopeChange[] {
  const changes: ScopeChange[] = [{ scope: cityScope(city), before, after }];
  if (before && after && before.programme === after.programme) {
    changes.push({ scope: programmeScope(city, after.programme), before, after });
    return changes;
  }
  if (before) changes.push({ scope: programmeScope(city, before.programme), before, after: null });
  if (after) changes.push({ scope: programmeScope(city, after.programme), before: null, after });
  return changes;
}
