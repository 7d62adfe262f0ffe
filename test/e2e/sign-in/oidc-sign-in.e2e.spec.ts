import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { OidcClient, type OidcTokens } from '../../../web/src/auth/oidc-client';
import { API_AUDIENCE, type OidcProviderForTests, type OidcProviderOptions, planOidcProvider } from '../../support/oidc-provider';
import { tempDir } from '../../support/temp-files';
import { startTestApp, type TestApp } from '../../support/test-app';

const CITY_DASHBOARD = 'query Dashboard($city: String!) { cityDashboard(city: $city) { city } }';

interface SignInTestbed {
  api: TestApp;
  provider: OidcProviderForTests;
  /** The web app's OpenID client, set up from GET /app-config.json as the browser does. */
  client: OidcClient;
}

/**
 * Declares, inside a `describe`, a real OpenID provider and the real service trusting it
 * (AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE, OIDC_*), on a fresh SQLite file.
 */
function signInTestbed(options: OidcProviderOptions = {}): () => SignInTestbed {
  const tmp = tempDir();
  let testbed: SignInTestbed | null = null;
  beforeAll(async () => {
    const plan = await planOidcProvider();
    const api = await startTestApp(tmp.file('journeys.db'), plan.serviceEnv);
    const origin = new URL(api.url).origin;
    const provider = await plan.start(origin, options);
    const { oidc } = (await (await fetch(`${origin}/app-config.json`)).json()) as { oidc: { issuer: string; clientId: string; scopes: string } };
    testbed = { api, provider, client: await OidcClient.discover({ ...oidc, redirectUri: `${origin}/` }) };
  });
  afterAll(async () => {
    await testbed?.api.close();
    await testbed?.provider.close();
    tmp.remove();
  });
  return () => {
    if (!testbed) throw new Error('The testbed starts in beforeAll: use it inside a test or hook');
    return testbed;
  };
}

/** The whole authorization code flow with PKCE, as the web app runs it, `login` signing in at the provider's page. */
async function signIn({ client, provider }: SignInTestbed, login: string): Promise<OidcTokens> {
  const { url, pending } = await client.authorizationUrl();
  const callback = await provider.signInWithoutBrowser(url, login);
  return client.exchangeCode(callback, pending);
}

const dashboardCode = async (api: TestApp, city: string, accessToken: string) => {
  const answer = await api.gql(CITY_DASHBOARD, { city }, `Bearer ${accessToken}`);
  return answer.errors?.[0]?.extensions?.code ?? answer.data!.cityDashboard.city;
};

describe('OpenID Connect sign-in against a real provider (e2e: oidc-provider in the test, the service over HTTP, oauth4webapi as the web app uses it)', () => {
  describe('with 5-minute access tokens', () => {
    const testbed = signInTestbed();

    it("signs a coordinator in (code, PKCE S256, state, nonce): the API answers their city's dashboard with the access token, and no other city's", async () => {
      const { api, provider } = testbed();
      const tokens = await signIn(testbed(), 'coordinator-paris');
      expect(decodeJwt(tokens.accessToken)).toMatchObject({ iss: provider.issuer, aud: API_AUDIENCE, sub: 'coordinator-paris', role: 'coordinator', city: 'paris' });
      expect(tokens.idToken).toEqual(expect.any(String));
      expect(await dashboardCode(api, 'paris', tokens.accessToken)).toBe('paris');
      expect(await dashboardCode(api, 'frankfurt', tokens.accessToken)).toBe('FORBIDDEN');
    });

    it('asks for the code with S256 PKCE, state and nonce, and refuses a response whose state is not the one sent', async () => {
      const { client, provider } = testbed();
      const { url, pending } = await client.authorizationUrl();
      expect(Object.fromEntries(url.searchParams)).toMatchObject({ code_challenge_method: 'S256', state: pending.state, nonce: pending.nonce, response_type: 'code' });
      const callback = await provider.signInWithoutBrowser(url, 'coordinator-paris');
      await expect(client.exchangeCode(callback, { ...pending, state: 'another-state' })).rejects.toThrow(/state/);
    });

    it('renews the access token with the refresh token, rotated: the new token works, the used refresh token no longer does', async () => {
      const { api, client } = testbed();
      const first = await signIn(testbed(), 'coordinator-paris');
      expect(first.refreshToken).toEqual(expect.any(String));
      const renewed = await client.refresh(first.refreshToken!, first.idToken);
      expect(renewed.accessToken).not.toBe(first.accessToken);
      expect(renewed.refreshToken).not.toBe(first.refreshToken);
      expect(decodeJwt(renewed.accessToken)).toMatchObject({ role: 'coordinator', city: 'paris', aud: API_AUDIENCE });
      expect(await dashboardCode(api, 'paris', renewed.accessToken)).toBe('paris');
      await expect(client.refresh(first.refreshToken!, first.idToken)).rejects.toMatchObject({ error: 'invalid_grant' });
    });

    it("refuses a token of the same claims signed by another provider's key", async () => {
      const { api, provider } = testbed();
      const { privateKey } = await generateKeyPair('RS256');
      const foreign = await new SignJWT({ role: 'coordinator', city: 'paris' })
        // The provider's key id, with a key of its own: a forgery, not an unknown key.
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(provider.issuer)
        .setAudience(API_AUDIENCE)
        .setSubject('coordinator-paris')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      const answer = await api.gql(CITY_DASHBOARD, { city: 'paris' }, `Bearer ${foreign}`);
      expect(answer.errors![0]).toMatchObject({ message: 'The bearer token is not valid', extensions: { code: 'UNAUTHENTICATED' } });
    });

    it("gives a researcher's token no city: the API lets them read every city", async () => {
      const tokens = await signIn(testbed(), 'researcher');
      expect(decodeJwt(tokens.accessToken)).toMatchObject({ role: 'researcher' });
      expect(decodeJwt(tokens.accessToken).city).toBeUndefined();
      expect(await dashboardCode(testbed().api, 'stockholm', tokens.accessToken)).toBe('stockholm');
    });

    it("names the provider's sign-out page, back to the app", () => {
      const { client, api } = testbed();
      const url = client.endSessionUrl('an-id-token', `${new URL(api.url).origin}/`)!;
      expect(url.pathname).toBe('/session/end');
      expect(Object.fromEntries(url.searchParams)).toMatchObject({ id_token_hint: 'an-id-token', post_logout_redirect_uri: `${new URL(api.url).origin}/` });
    });
  });

  describe('with 1-second access tokens', () => {
    const testbed = signInTestbed({ accessTokenTtlSeconds: 1 });

    it('refuses the access token once it has expired, saying so', async () => {
      const tokens = await signIn(testbed(), 'coordinator-paris');
      const expiresAt = decodeJwt(tokens.accessToken).exp! * 1_000;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 1_100));
      const answer = await testbed().api.gql(CITY_DASHBOARD, { city: 'paris' }, `Bearer ${tokens.accessToken}`);
      expect(answer.errors![0]).toMatchObject({ message: 'The bearer token has expired', extensions: { code: 'UNAUTHENTICATED' } });
    });
  });
});
