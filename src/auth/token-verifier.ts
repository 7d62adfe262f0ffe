import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify, type JWTVerifyOptions } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Catalogue } from '../catalogue/catalogue';
import type { TokenSettings } from '../config/config';
import { Unauthenticated } from './access-errors';
import { ALL_CITIES, type Principal, ROLES, type Role, withArticle } from './principal';

const BEARER = /^Bearer ([A-Za-z0-9_.-]+)$/;

/**
 * The longest a token may live, from now and from its `iat`: a leaked token opens the service for
 * a working day at most (an identity provider's access tokens live minutes to hours).
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** What a `sub` may be: printable ASCII without spaces, as identity providers' ids, emails and URIs are. */
const SUBJECT = /^[\x21-\x7e]{1,255}$/;
/** Refused even so: `sub` is stored as `recordedBy`, which tools and exports may show as markup. */
const MARKUP = /[<>"'`]/;

/**
 * How often a changed key set may be fetched for an unknown `kid` (a key the provider has just
 * added): not more often than it is fetched anyway, and at most every 30 s for a flood of made-up kids.
 */
const UNKNOWN_KEY_COOLDOWN_MS = 30_000;
const TRUSTED_TOKENS = 10_000;

/**
 * Checks bearer tokens (HS256 with a shared secret, or RS256 from an identity provider's JWKS).
 * A key withdrawn from the JWKS stops being honoured within 2 × keysMaxAgeSeconds: the key set is
 * fetched again once it is that old, and a token verified with it is trusted that long at most.
 */
export class TokenVerifier {
  private readonly verifyJwt: (token: string) => Promise<JWTPayload>;
  private readonly trusted = new LRUCache<string, Principal>({ max: TRUSTED_TOKENS });
  private readonly trustedForMs: number;

  constructor(
    auth: TokenSettings,
    private readonly catalogue: Catalogue,
  ) {
    this.trustedForMs = auth.keysMaxAgeSeconds * 1_000;
    const claims: JWTVerifyOptions = {
      requiredClaims: ['exp', 'sub'],
      ...(auth.issuer === null ? {} : { issuer: auth.issuer }),
      ...(auth.audience === null ? {} : { audience: auth.audience }),
    };
    if (auth.kind === 'hs256') {
      const secret = new TextEncoder().encode(auth.secret);
      this.verifyJwt = async (token) => (await jwtVerify(token, secret, { ...claims, algorithms: ['HS256'] })).payload;
    } else {
      const keys = createRemoteJWKSet(new URL(auth.url), {
        cacheMaxAge: this.trustedForMs,
        cooldownDuration: Math.min(this.trustedForMs, UNKNOWN_KEY_COOLDOWN_MS),
      });
      this.verifyJwt = async (token) => (await jwtVerify(token, keys, { ...claims, algorithms: ['RS256'] })).payload;
    }
  }

  /** The caller of an `Authorization` header value; Unauthenticated when missing or not valid. */
  async verify(authorization: unknown): Promise<Principal> {
    const token = typeof authorization === 'string' ? BEARER.exec(authorization)?.[1] : undefined;
    if (!token) throw new Unauthenticated('A bearer token is required (Authorization: Bearer …)');
    const known = this.trusted.get(token);
    if (known) return known;
    const claims = await this.verifiedClaims(token);
    const principal = Object.freeze(this.principalOf(claims));
    const ttl = Math.min(principal.expiresAt - Date.now(), this.trustedForMs);
    if (ttl > 0) this.trusted.set(token, principal, { ttl });
    return principal;
  }

  private async verifiedClaims(token: string): Promise<JWTPayload> {
    try {
      return await this.verifyJwt(token);
    } catch (error) {
      // jose checks claims only on a good signature: saying which claim is wrong tells nothing of keys.
      if (error instanceof errors.JWTExpired) throw new Unauthenticated('The bearer token has expired');
      if (error instanceof errors.JWTClaimValidationFailed) throw new Unauthenticated(`The bearer token's "${error.claim}" claim is not accepted here`);
      // Why a signature failed (unknown key, bad signature, wrong algorithm…) helps an attacker more than a user.
      throw new Unauthenticated('The bearer token is not valid');
    }
  }

  private principalOf({ sub, role, city, exp, iat }: JWTPayload): Principal {
    // requiredClaims makes jose refuse a token without exp or sub, and one whose iat is not a number.
    const expiresAt = exp! * 1_000;
    const livesTooLong = exp! - Date.now() / 1_000 > MAX_TOKEN_LIFETIME_SECONDS || (iat !== undefined && exp! - iat > MAX_TOKEN_LIFETIME_SECONDS);
    if (livesTooLong) throw new Unauthenticated(`A bearer token may live at most ${MAX_TOKEN_LIFETIME_SECONDS / 3_600} hours`);
    if (typeof sub !== 'string' || !SUBJECT.test(sub) || MARKUP.test(sub)) {
      throw new Unauthenticated('The token\'s subject must be 1 to 255 printable ASCII characters, without spaces or <>"\'`');
    }
    if (!ROLES.includes(role as Role)) throw new Unauthenticated(`The token's role must be one of ${ROLES.join(', ')}`);
    const needsCity = role === 'adviser' || role === 'coordinator';
    if (!needsCity) return { sub, role: role as Role, city: null, expiresAt };
    const known = city === ALL_CITIES || this.catalogue.cities.some((c) => c.code === city);
    if (typeof city !== 'string' || !known) throw new Unauthenticated(`The token of ${withArticle(role as Role)} needs a city of the catalogue, or '*'`);
    return { sub, role: role as Role, city, expiresAt };
  }
}
