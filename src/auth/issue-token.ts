import { SignJWT } from 'jose';
import type { Principal } from './principal';

/** A signed HS256 token for a principal: for development, the demo and tests. */
export async function issueToken(secret: string, { sub, role, city }: Principal, expiresIn = '8h'): Promise<string> {
  return new SignJWT({ role, ...(city === null ? {} : { city }) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
