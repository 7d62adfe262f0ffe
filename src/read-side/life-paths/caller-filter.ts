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
  return { ...filter, city: cityScope(caller, 'readLifePaths') };
}
