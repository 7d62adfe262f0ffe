import { SignJWT } from 'jose';
import type { Principal } from './principal';

/** An expiry that is not a duration jose reads, such as 30m, 8h, 7d or '2 days'. */
export class UnreadableExpiry extends Error {
  override readonly name = 'UnreadableExpiry';
}

/** A signed HS256 token for a principal: for development, the demo and tests. */
export async function issueToken(secret: string, { sub, role, city }: Principal, expiresIn = '8h'): Promise<string> {
  const token = new SignJWT({ role, ...(city === null ? {} : { city }) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt();
  try {
    // jose refuses only a period it cannot read here, with a TypeError that names no value.
    token.setExpirationTime(expiresIn);
  } catch {
    throw new UnreadableExpiry(`'${expiresIn}' is not a duration: give a number and a unit, e.g. 30m, 8h or 7d`);
  }
  return token.sign(new TextEncoder().encode(secret));
}
