import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Unauthenticated } from '../../../src/auth/access-errors';
import { TokenVerifier } from '../../../src/auth/token-verifier';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';

/** An identity provider's JWKS endpoint on loopback, as AUTH_JWKS_URL points at one. */
describe('RS256 tokens from a JWKS URL (int, a real JWKS server on loopback)', () => {
  let server: Server;
  let url: string;
  let sign: (claims: Record<string, unknown>, kid?: string) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    sign = (claims, kid = 'idp-1') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).setSubject('marie.dupont').setExpirationTime('1h').sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("accepts a token signed with the provider's key", async () => {
    const verifier = new TokenVerifier({ kind: 'jwks', url, issuer: null, audience: null, keysMaxAgeSeconds: 30 }, BUILT_IN_CATALOGUE);
    await expect(verifier.verify(`Bearer ${await sign({ role: 'adviser', city: 'paris' })}`)).resolves.toEqual({
      sub: 'marie.dupont',
      role: 'adviser',
      city: 'paris',
    });
  });

  it('refuses a token signed with another key, and an HS256 one', async () => {
    const verifier = new TokenVerifier({ kind: 'jwks', url, issuer: null, audience: null, keysMaxAgeSeconds: 30 }, BUILT_IN_CATALOGUE);
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'RS256', kid: 'idp-1' }).setSubject('x').setExpirationTime('1h').sign(stranger);
    await expect(verifier.verify(`Bearer ${forged}`)).rejects.toBeInstanceOf(Unauthenticated);
    const symmetric = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode('a-secret-of-at-least-thirty-two-characters'));
    await expect(verifier.verify(`Bearer ${symmetric}`)).rejects.toBeInstanceOf(Unauthenticated);
  });
});
