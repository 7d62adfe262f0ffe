import { setTimeout as sleep } from 'node:timers/promises';
import { type JWTPayload, SignJWT } from 'jose';
import { Unauthenticated } from '../../../src/auth/access-errors';
import type { TokenSettings } from '../../../src/config/config';
import { TokenVerifier } from '../../../src/auth/token-verifier';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { TEST_JWT_SECRET } from '../../support/tokens';

const verifier = (settings: Partial<TokenSettings> = {}) =>
  new TokenVerifier({ kind: 'hs256', secret: TEST_JWT_SECRET, issuer: null, audience: null, keysMaxAgeSeconds: 30, ...settings } as TokenSettings, BUILT_IN_CATALOGUE);

const token = (expiresAt: number, secret = TEST_JWT_SECRET) =>
  new SignJWT({ role: 'adviser', city: 'paris' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('adviser-paris-1')
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));

/** A bearer header with the given claims, over a valid adviser of Paris for an hour. */
const bearerWith = async (claims: JWTPayload) =>
  `Bearer ${await new SignJWT({ role: 'adviser', city: 'paris', sub: 'adviser-paris-1', exp: nowInSeconds() + 3_600, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(TEST_JWT_SECRET))}`;

const nowInSeconds = () => Math.floor(Date.now() / 1_000);
const HOUR = 3_600;

describe('TokenVerifier (HS256)', () => {
  it('answers the caller of a valid token with its expiry, the same again when the token comes back', async () => {
    const tokens = verifier();
    const expiresAt = nowInSeconds() + 3_600;
    const header = `Bearer ${await token(expiresAt)}`;

    const first = await tokens.verify(header);
    expect(first).toEqual({ sub: 'adviser-paris-1', role: 'adviser', city: 'paris', expiresAt: expiresAt * 1_000 });
    expect(await tokens.verify(header)).toEqual(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('refuses a token it trusted once its expiry has passed, saying it expired', async () => {
    const tokens = verifier();
    // exp is in whole seconds: the token is valid for at most one more second.
    const header = `Bearer ${await token(nowInSeconds() + 1)}`;
    await tokens.verify(header);

    await sleep(2_100);

    await expect(tokens.verify(header)).rejects.toThrow(new Unauthenticated('The bearer token has expired'));
  });

  it('refuses a token signed with another secret, even after a valid one for the same caller, without saying why', async () => {
    const tokens = verifier();
    const expiresAt = nowInSeconds() + 3_600;
    await tokens.verify(`Bearer ${await token(expiresAt)}`);

    await expect(tokens.verify(`Bearer ${await token(expiresAt, 'another-secret-of-at-least-thirty-two-chars')}`)).rejects.toThrow(
      new Unauthenticated('The bearer token is not valid'),
    );
  });

  describe('a token lives 24 hours at most', () => {
    it.each([
      ['an exp more than 24 h ahead', { exp: nowInSeconds() + 24 * HOUR + 60 }],
      ['an exp of 1e300', { exp: 1e300 }],
      ['an exp 24 h and a minute after its iat', { iat: nowInSeconds() - HOUR, exp: nowInSeconds() + 23 * HOUR + 60 }],
    ])('refuses %s', async (_, claims) => {
      await expect(verifier().verify(await bearerWith(claims))).rejects.toThrow(new Unauthenticated('A bearer token may live at most 24 hours'));
    });

    it('accepts 24 hours from its iat', async () => {
      const iat = nowInSeconds();
      await expect(verifier().verify(await bearerWith({ iat, exp: iat + 24 * HOUR }))).resolves.toMatchObject({ expiresAt: (iat + 24 * HOUR) * 1_000 });
    });
  });

  describe('its subject is 1 to 255 printable ASCII characters, no space or markup (it is stored as recordedBy)', () => {
    const SUBJECT_REFUSED = new Unauthenticated('The token\'s subject must be 1 to 255 printable ASCII characters, without spaces or <>"\'`');

    it.each([
      ['256 characters', 'a'.repeat(256)],
      ['7,000 characters', 'x'.repeat(7_000)],
      ['empty', ''],
      ['a space', 'marie dupont'],
      ['a NUL', 'marie\u0000'],
      ['a CRLF', 'marie\r\nSet-Cookie: x=1'],
      ['a tab', 'marie\tdupont'],
      ['a DEL', 'marie\u007f'],
      ['a non-ASCII letter', 'marié'],
      ...[...'<>"\'`'].map((c): [string, string] => [`a ${c}`, `marie${c}dupont`]),
      ['markup', '<script>alert(1)</script>'],
    ])('refuses %s', async (_, sub) => {
      await expect(verifier().verify(await bearerWith({ sub }))).rejects.toThrow(SUBJECT_REFUSED);
    });

    it.each([
      ['255 characters', 'a'.repeat(255)],
      ['an email', 'marie.dupont+paris@example.org'],
      ['a provider id', 'auth0|64f1c2d3e4b5a6978899aabb'],
      ['a URI', 'https://idp.example.org/users/42?tenant=paris&x=1'],
    ])('accepts %s', async (_, sub) => {
      await expect(verifier().verify(await bearerWith({ sub }))).resolves.toMatchObject({ sub });
    });
  });

  describe('iss and aud, when set', () => {
    const strict = () => verifier({ issuer: 'https://idp.example.org/', audience: 'journeys' });

    it('accepts the right ones', async () => {
      await expect(strict().verify(await bearerWith({ iss: 'https://idp.example.org/', aud: 'journeys' }))).resolves.toMatchObject({ sub: 'adviser-paris-1' });
      await expect(strict().verify(await bearerWith({ iss: 'https://idp.example.org/', aud: ['another-service', 'journeys'] }))).resolves.toMatchObject({
        sub: 'adviser-paris-1',
      });
    });

    it.each([
      ['another issuer', { iss: 'https://evil.example.org/', aud: 'journeys' }, 'iss'],
      ['no issuer', { aud: 'journeys' }, 'iss'],
      ['another audience', { iss: 'https://idp.example.org/', aud: 'another-service' }, 'aud'],
      ['no audience', { iss: 'https://idp.example.org/' }, 'aud'],
    ])('refuses %s', async (_, claims, claim) => {
      await expect(strict().verify(await bearerWith(claims))).rejects.toThrow(new Unauthenticated(`The bearer token's "${claim}" claim is not accepted here`));
    });

    it('are not checked when unset', async () => {
      await expect(verifier().verify(await bearerWith({ iss: 'anyone', aud: 'anything' }))).resolves.toMatchObject({ sub: 'adviser-paris-1' });
    });
  });
});
