import { decodeJwt } from 'jose';
import type { Session } from './session';

/**
 * The session an access token stands for, from its claims: decoded, not verified, as the API
 * verifies it at every request. Researchers' and admins' tokens name no city: they reach every one.
 */
export function sessionOf(accessToken: string): Session {
  const { sub, role, city, exp } = decodeJwt(accessToken);
  return {
    accessToken,
    user: sub ?? '',
    role: typeof role === 'string' ? role : '',
    city: typeof city === 'string' ? city : '*',
    expiresAt: (exp ?? 0) * 1_000,
  };
}
