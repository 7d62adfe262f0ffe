import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT } from 'jose';
import { Unauthenticated } from '../../../src/auth/access-errors';
import { TokenVerifier } from '../../../src/auth/token-verifier';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { TEST_JWT_SECRET } from '../../support/tokens';

const verifier = () => new TokenVerifier({ kind: 'hs256', secret: TEST_JWT_SECRET, issuer: null, audience: null, keysMaxAgeSeconds: 30 }, BUILT_IN_CATALOGUE);

const token = (expiresAt: number, secret = TEST_JWT_SECRET) =>
  new SignJWT({ role: 'adviser', city: 'paris' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('adviser-paris-1')
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));

const nowInSeconds = () => Math.floor(Date.now() / 1_000);

describe('TokenVerifier (HS256)', () => {
  it('answers the caller of a valid token, the same again when the token comes back', async () => {
    const tokens = verifier();
    const header = `Bearer ${await token(nowInSeconds() + 3_600)}`;

    const first = await tokens.verify(header);
    expect(first).toEqual({ sub: 'adviser-paris-1', role: 'adviser', city: 'paris' });
    expect(await tokens.verify(header)).toEqual(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('refuses a token it trusted once its expiry has passed', async () => {
    const tokens = verifier();
    // exp is in whole seconds: the token is valid for at most one more second.
    const header = `Bearer ${await token(nowInSeconds() + 1)}`;
    await tokens.verify(header);

    await sleep(2_100);

    await expect(tokens.verify(header)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it('refuses a token signed with another secret, even after a valid one for the same caller', async () => {
    const tokens = verifier();
    const expiresAt = nowInSeconds() + 3_600;
    await tokens.verify(`Bearer ${await token(expiresAt)}`);

    await expect(tokens.verify(`Bearer ${await token(expiresAt, 'another-secret-of-at-least-thirty-two-chars')}`)).rejects.toBeInstanceOf(
      Unauthenticated,
    );
  });
});
