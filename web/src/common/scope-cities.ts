import type { City } from '../api/types';
import type { Session } from '../auth/session';

/**
 * The catalogue's cities whose figures and life paths the caller may read: a coordinator's own
 * city (src/auth/access-policy.ts, "own-city"), every city for a token of city '*', for
 * researchers and for administrators. Offering another city would only earn a refusal.
 */
export const citiesInScope = (cities: City[], session: Session): City[] =>
  session.role === 'coordinator' && session.city !== '*' ? cities.filter((city) => city.code === session.city) : cities;
