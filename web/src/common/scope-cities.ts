import { type Capability, isAllowed } from '../../../src/auth/access-policy';
import { type Principal, ROLES, type Role } from '../../../src/auth/principal';
import type { City } from '../api/types';
import type { Session } from '../auth/session';

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/**
 * The catalogue's cities whose figures (`readOutcomes`) or life paths (`readLifePaths`) the caller
 * may read, by the service's own policy (src/auth/access-policy.ts): offering another city would
 * only earn a refusal. None for a role the service does not know.
 */
export function citiesInScope(cities: City[], session: Session, capability: Extract<Capability, 'readOutcomes' | 'readLifePaths'>): City[] {
  if (!isRole(session.role)) return [];
  const principal: Principal = { sub: session.user, role: session.role, city: session.city, expiresAt: session.expiresAt };
  return cities.filter((city) => isAllowed(principal, capability, city.code));
}
