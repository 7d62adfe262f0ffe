import { type AppForTests, appForTests } from '../../support/test-app';

const PRODUCTION = { NODE_ENV: 'production', PSEUDONYM_SECRET: 'pseudonym-secret-of-at-least-32-characters' };
// Nothing listens there: the service fetches keys only to verify a token, and none is sent.
const PROVIDER = { AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks', OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_ID: 'journeys-web', OIDC_SCOPES: 'openid offline_access journeys' };

/** GET /app-config.json without any token, as the web app reads it before anyone signs in. */
async function appConfigOf(api: AppForTests): Promise<{ status: number; body: unknown }> {
  const response = await fetch(api.url.replace(/\/graphql$/, '/app-config.json'));
  return { status: response.status, body: await response.json() };
}

describe('the web app\'s sign-in options, GET /app-config.json (e2e, real app over HTTP, no token)', () => {
  describe('in development with HS256 tokens and DEV_SIGN_IN=true', () => {
    const api = appForTests({ DEV_SIGN_IN: 'true' });

    it("offers the development sign-in with the catalogue's cities to pick from, and no OpenID provider", async () => {
      expect(await appConfigOf(api)).toEqual({
        status: 200,
        body: {
          oidc: null,
          devSignIn: true,
          devSignInCities: [
            { code: 'paris', name: 'Paris' },
            { code: 'frankfurt', name: 'Frankfurt am Main' },
            { code: 'stockholm', name: 'Stockholm' },
          ],
        },
      });
    });
  });

  describe('with an OpenID provider', () => {
    const api = appForTests(PROVIDER);

    it('names the provider, the public client and the scopes, and no development sign-in', async () => {
      expect(await appConfigOf(api)).toEqual({
        status: 200,
        body: { oidc: { issuer: 'http://127.0.0.1:9', clientId: 'journeys-web', scopes: 'openid offline_access journeys' }, devSignIn: false },
      });
    });

    it("lets the app's pages and GraphiQL's (which renews the same session) call the provider in their Content-Security-Policy, and nothing else elsewhere", async () => {
      for (const path of ['/sign-in', '/graphiql']) {
        const page = await fetch(api.url.replace(/\/graphql$/, path));
        const policy = page.headers.get('content-security-policy')!;
        const connect = policy.split(';').find((directive) => directive.startsWith('connect-src '))!.split(' ').slice(1);
        expect(connect).toEqual(["'self'", expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+$/), 'http://127.0.0.1:9']);
        expect(policy).toContain("default-src 'self'");
      }
    });
  });

  describe('in production with HS256 tokens', () => {
    const api = appForTests(PRODUCTION);

    it('offers no development sign-in', async () => {
      expect(await appConfigOf(api)).toEqual({ status: 200, body: { oidc: null, devSignIn: false } });
    });
  });
});
