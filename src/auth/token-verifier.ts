import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Catalogue } from '../catalogue/catalogue';
import type { AppConfig } from '../config/config';
import { Unauthenticated } from './access-errors';
import { ALL_CITIES, type Principal, ROLES, type Role, withArticle } from './principal';

const BEARER = /^Bearer ([A-Za-z0-9_.-]+)$/;

/**
 * How long a verified token is taken on trust (never past its exp). A signature check is most of
 * a request's cost to an adviser sending the same token all day; a key the identity provider
 * withdraws stops being honoured this much later at most.
 */
const TRUSTED_FOR_MS = 60_000;
const TRUSTED_TOKENS = 10_000;

/** Checks bearer tokens (HS256 with a shared secret, or RS256 from an identity provider's JWKS). */
export class TokenVerifier {
  private readonly verifyJwt: (token: string) => Promise<JWTPayload>;
  private readonly trusted = new LRUCache<string, Principal>({ max: TRUSTED_TOKENS });

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
    const known = this.trusted.get(token);
    if (known) return known;
    let claims: JWTPayload;
    try {
      claims = await this.verifyJwt(token);
    } catch {
      // Why it failed (expired, bad signature…) helps an attacker more than a user.
      throw new Unauthenticated('The bearer token is not valid');
    }
    const principal = Object.freeze(this.principalOf(claims));
    // requiredClaims makes jose refuse a token without exp.
    const ttl = Math.min(claims.exp! * 1_000 - Date.now(), TRUSTED_FOR_MS);
    if (ttl > 0) this.trusted.set(token, principal, { ttl });
    return principal;
  }

  private principalOf({ sub, role, city }: JWTPayload): Principal {
    if (typeof sub !== 'string' || sub === '') throw new Unauthenticated('The token has no subject');
    if (!ROLES.includes(role as Role)) throw new Unauthenticated(`The token's role must be one of ${ROLES.join(', ')}`);
    const needsCity = role === 'adviser' || role === 'coordinator';
    if (!needsCity) return { sub, role: role as Role, city: null };
    const known = city === ALL_CITIES || this.catalogue.cities.some((c) => c.code === city);
    if (typeof city !== 'string' || !known) throw new Unauthenticated(`The token of ${withArticle(role as Role)} needs a city of the catalogue, or '*'`);
    return { sub, role: role as Role, city };
  }
}
