import { assertAllowed, cityScope } from '../../auth/access-policy';
import type { Principal } from '../../auth/principal';
import type { LifePathFilter } from '../../life-paths/release-filter';

/**
 * The filter narrowed to what the caller may see: a coordinator asking for another city is
 * refused, and one asking for no city gets their own.
 */
export function callerFilter(caller: Principal, filter: LifePathFilter): LifePathFilter {
  if (filter.city != null) {
    assertAllowed(caller, 'readLifePaths', filter.city);
    return filter;
  }
  return { ...filter, city: callerScope(caller) };
}

/** The city whose part of the release the caller reads (a coordinator's own), or null for the whole release. */
export const callerScope = (caller: Principal): string | null => cityScope(caller, 'readLifePaths');
