import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { Unauthenticated } from '../../../src/auth/access-errors';
import { TokenVerifier } from '../../../src/auth/token-verifier';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { TokenSettings } from '../../../src/config/config';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** An identity provider's JWKS endpoint on loopback, as AUTH_JWKS_URL points at one. */
describe('RS256 tokens from a JWKS URL (int, a real JWKS server on loopback)', () => {
  let server: Server;
  let url: string;
  /** The keys the provider publishes now, by kid. */
  const published = new Map<string, JWK>();
  const privateKeys = new Map<string, PrivateKey>();
  let fetches = 0;

  async function addKey(kid: string): Promise<void> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    published.set(kid, { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' });
    privateKeys.set(kid, privateKey);
  }

  const sign = (claims: JWTPayload, kid = 'idp-1') =>
    new SignJWT({ role: 'adviser', city: 'paris', sub: 'marie.dupont', ...claims }).setProtectedHeader({ alg: 'RS256', kid }).setExpirationTime('1h').sign(privateKeys.get(kid)!);

  const verifier = (settings: Partial<Pick<TokenSettings, 'issuer' | 'audience' | 'keysMaxAgeSeconds'>> = {}) =>
    new TokenVerifier({ kind: 'jwks', url, issuer: null, audience: null, keysMaxAgeSeconds: 30, ...settings }, BUILT_IN_CATALOGUE);

  beforeAll(async () => {
    await addKey('idp-1');
    server = createServer((_, res) => {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [...published.values()] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("accepts a token signed with the provider's key", async () => {
    await expect(verifier().verify(`Bearer ${await sign({})}`)).resolves.toEqual({
      sub: 'marie.dupont',
      role: 'adviser',
      city: 'paris',
      expiresAt: expect.any(Number),
    });
  });

  it('refuses a token signed with another key, and an HS256 one', async () => {
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'RS256', kid: 'idp-1' }).setSubject('x').setExpirationTime('1h').sign(stranger);
    await expect(verifier().verify(`Bearer ${forged}`)).rejects.toThrow(new Unauthenticated('The bearer token is not valid'));
    const symmetric = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode('a-secret-of-at-least-thirty-two-characters'));
    await expect(verifier().verify(`Bearer ${symmetric}`)).rejects.toThrow(new Unauthenticated('The bearer token is not valid'));
  });

  it('checks iss and aud when set: the right ones accepted, a wrong or missing one refused', async () => {
    const strict = verifier({ issuer: 'https://idp.example.org/', audience: 'journeys' });
    const right = { iss: 'https://idp.example.org/', aud: 'journeys' };
    await expect(strict.verify(`Bearer ${await sign(right)}`)).resolves.toMatchObject({ sub: 'marie.dupont' });
    for (const [claims, claim] of [
      [{ ...right, aud: 'another-service' }, 'aud'],
      [{ ...right, iss: 'https://other-idp.example.org/' }, 'iss'],
      [{ iss: right.iss }, 'aud'],
    ] as const) {
      await expect(strict.verify(`Bearer ${await sign(claims)}`)).rejects.toThrow(new Unauthenticated(`The bearer token's "${claim}" claim is not accepted here`));
    }
  });

  it('stops honouring a withdrawn key within 2 × keysMaxAgeSeconds, a token already trusted included', async () => {
    const keysMaxAgeSeconds = 1;
    const tokens = verifier({ keysMaxAgeSeconds });
    await addKey('idp-2');
    const trusted = `Bearer ${await sign({}, 'idp-1')}`;
    await expect(tokens.verify(trusted)).resolves.toMatchObject({ sub: 'marie.dupont' });

    published.delete('idp-1');
    const withdrawnAt = Date.now();
    await expect(tokens.verify(`Bearer ${await sign({}, 'idp-2')}`)).resolves.toMatchObject({ sub: 'marie.dupont' });

    await sleep(withdrawnAt + 2 * keysMaxAgeSeconds * 1_000 - Date.now());
    await expect(tokens.verify(trusted)).rejects.toThrow(new Unauthenticated('The bearer token is not valid'));
    await expect(tokens.verify(`Bearer ${await sign({ sub: 'fresh' }, 'idp-1')}`)).rejects.toThrow(new Unauthenticated('The bearer token is not valid'));
    await expect(tokens.verify(`Bearer ${await sign({ sub: 'fresh' }, 'idp-2')}`)).resolves.toMatchObject({ sub: 'fresh' });
  });

  it('fetches the key set again once it is keysMaxAgeSeconds old, not for every token', async () => {
    const tokens = verifier({ keysMaxAgeSeconds: 1 });
    const before = fetches;
    for (let i = 0; i < 5; i++) await tokens.verify(`Bearer ${await sign({ sub: `caller-${i}` }, 'idp-2')}`);
    expect(fetches - before).toBe(1);
    await sleep(1_100);
    await tokens.verify(`Bearer ${await sign({ sub: 'later' }, 'idp-2')}`);
    expect(fetches - before).toBe(2);
  });
});
