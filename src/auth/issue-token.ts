import { decodeJwt, SignJWT } from 'jose';
import type { Principal } from './principal';
import { MAX_TOKEN_LIFETIME_SECONDS } from './token-verifier';

/** An expiry issueToken cannot give: not a duration jose reads (30m, 8h…), or longer than a token may live. */
export class UnreadableExpiry extends Error {
  override readonly name = 'UnreadableExpiry';
}

/** What a token says of its bearer; its expiry comes from `expiresIn`. */
export type TokenSubject = Pick<Principal, 'sub' | 'role' | 'city'>;

/** What signs a token, and the issuer and audience the service asks of it when they are set. */
export interface TokenSigning {
  secret: string;
  issuer?: string | null;
  audience?: string | null;
}

/** A signed HS256 token for a principal: for development, the demo and tests. */
export async function issueToken({ secret, issuer, audience }: TokenSigning, { sub, role, city }: TokenSubject, expiresIn = '8h'): Promise<string> {
  const token = new SignJWT({ role, ...(city === null ? {} : { city }) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt();
  if (issuer) token.setIssuer(issuer);
  if (audience) token.setAudience(audience);
  try {
    // jose refuses only a period it cannot read here, with a TypeError that names no value.
    token.setExpirationTime(expiresIn);
  } catch {
    throw new UnreadableExpiry(`'${expiresIn}' is not a duration: give a number and a unit, e.g. 30m or 8h`);
  }
  const signed = await token.sign(new TextEncoder().encode(secret));
  // The service would refuse it at the first request: say so now.
  const { exp, iat } = decodeJwt(signed);
  if (exp! - iat! > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new UnreadableExpiry(`'${expiresIn}' is longer than a token may live: give at most ${MAX_TOKEN_LIFETIME_SECONDS / 3_600}h`);
  }
  return signed;
}
