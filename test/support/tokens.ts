import { decodeJwt } from 'jose';
import { issueToken } from '../../src/auth/issue-token';
import { ALL_CITIES, type Role } from '../../src/auth/principal';

/** The HS256 secret every test service is started with. */
export const TEST_JWT_SECRET = 'test-secret-of-at-least-thirty-two-characters';

/** `Authorization` header value for a caller of the given role and city. */
export async function bearer(role: Role, city: string | null = null, sub = `${role}-${city ?? 'all'}`): Promise<string> {
  return `Bearer ${await issueToken({ secret: TEST_JWT_SECRET }, { sub, role, city })}`;
}

/** Who the tests act as unless they are about access: an adviser of every city. */
export const defaultBearer = (): Promise<string> => bearer('adviser', ALL_CITIES, 'test-adviser');

/** `Authorization` header value of a token that expires `seconds` from now (exp is in whole seconds), and that instant in ms. */
export async function expiringBearer(seconds: number, role: Role, city: string | null = null, sub = `${role}-expiring`): Promise<{ authorization: string; expiresAt: number }> {
  const token = await issueToken({ secret: TEST_JWT_SECRET }, { sub, role, city }, `${seconds}s`);
  return { authorization: `Bearer ${token}`, expiresAt: decodeJwt(token).exp! * 1_000 };
}
