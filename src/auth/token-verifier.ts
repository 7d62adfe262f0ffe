import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { Catalogue } from '../catalogue/catalogue';
import type { AppConfig } from '../config/config';
import { Unauthenticated } from './access-errors';
import { ALL_CITIES, type Principal, ROLES, type Role } from './principal';

const BEARER = /^Bearer ([A-Za-z0-9_.-]+)$/;

/** Checks bearer tokens (HS256 with a shared secret, or RS256 from an identity provider's JWKS). */
export class TokenVerifier {
  private readonly verifyJwt: (token: string) => Promise<JWTPayload>;

  constructor(
    auth: AppConfig['auth'],
    private readonly catalogue: Catalogue,
  ) {
    if (auth.kind === 'hs256') {
      const secret = new TextEncoder().encode(auth.secret);
      this.verifyJwt = async (token) => (await jwtVerify(token, secret, { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] })).payload;
    } else {
      const keys = createRemoteJWKSet(new URL(auth.url));
      this.verifyJwt = async (token) => (await jwtVerify(token, keys, { algorithms: ['RS256'], requiredClaims: ['exp', 'sub'] })).payload;
    }
  }

  /** The caller of an `Authorization` header value; Unauthenticated when missing or not valid. */
  async verify(authorization: unknown): Promise<Principal> {
    const token = typeof authorization === 'string' ? BEARER.exec(authorization)?.[1] : undefined;
    if (!token) throw new Unauthenticated('A bearer token is required (Authorization: Bearer …)');
    let claims: JWTPayload;
    try {
      claims = await this.verifyJwt(token);
    } catch {
      // Why it failed (expired, bad signature…) helps an attacker more than a user.
      throw new Unauthenticated('The bearer token is not valid');
    }
    return this.principalOf(claims);
  }

  private principalOf({ sub, role, city }: JWTPayload): Principal {
    if (typeof sub !== 'string' || sub === '') throw new Unauthenticated('The token has no subject');
    if (!ROLES.includes(role as Role)) throw new Unauthenticated(`The token's role must be one of ${ROLES.join(', ')}`);
    const needsCity = role === 'adviser' || role === 'coordinator';
    if (!needsCity) return { sub, role: role as Role, city: null };
    const known = city === ALL_CITIES || this.catalogue.cities.some((c) => c.code === city);
    if (typeof city !== 'string' || !known) throw new Unauthenticated(`An ${role}'s token needs a city of the catalogue, or '*'`);
    return { sub, role: role as Role, city };
  }
}
