import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Role } from '../../src/auth/principal';
import { freePort } from './free-port';

/** Who can sign in at the test provider: their login is the account id, any password does. */
const ACCOUNTS: Record<string, { role: Role; city?: string }> = {
  'adviser-paris': { role: 'adviser', city: 'paris' },
  'coordinator-paris': { role: 'coordinator', city: 'paris' },
  'coordinator-all': { role: 'coordinator', city: '*' },
  researcher: { role: 'researcher' },
};

/** The web app's public client at the test provider. */
const CLIENT_ID = 'journeys-web';
/** The API's resource indicator, and so the `aud` of every access token. */
export const API_AUDIENCE = 'urn:journeys:api';

export interface OidcProviderForTests {
  issuer: string;
  /** Follows an authorization URL through the provider's login page as `login` would, without a browser: the URL it sends back to the app. */
  signInWithoutBrowser(authorizationUrl: URL, login: string): Promise<URL>;
  close(): Promise<void>;
}

/** A provider's address, chosen before the service that trusts it starts: the app's address, known later, is its client's. */
export interface PlannedOidcProvider {
  issuer: string;
  /** The service's settings that trust this provider and offer its sign-in. */
  serviceEnv: Record<string, string>;
  /** Starts the provider, its client redirected back to `<appOrigin>/` after sign-in and sign-out. */
  start(appOrigin: string, options?: OidcProviderOptions): Promise<OidcProviderForTests>;
}

export interface OidcProviderOptions {
  /** Access tokens' lifetime (default 5 minutes). */
  accessTokenTtlSeconds?: number;
}

const SCOPES = 'openid offline_access';

/** A free loopback port for the provider, and the service's settings for it. */
export async function planOidcProvider(): Promise<PlannedOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    serviceEnv: {
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: API_AUDIENCE,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_SCOPES: SCOPES,
    },
    start: (appOrigin, options) => startOidcProvider(port, appOrigin, options),
  };
}

/**
 * A real OpenID provider (panva's oidc-provider, certified) on loopback, in the test process: a
 * public client (no secret, PKCE required), access tokens for API_AUDIENCE as RS256 JWTs carrying
 * the account's `role` and `city`, refresh tokens rotated at each use, RP-initiated logout. Its
 * development login page takes an account id of ACCOUNTS; consent is not asked, as an
 * organisation's own provider does not for its own app.
 */
async function startOidcProvider(port: number, appOrigin: string, { accessTokenTtlSeconds = 300 }: OidcProviderOptions = {}): Promise<OidcProviderForTests> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const issuer = `http://127.0.0.1:${port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${appOrigin}/`],
        post_logout_redirect_uris: [`${appOrigin}/`],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: SCOPES.split(' '),
    pkce: { required: () => true },
    // The app's pages call the discovery, token and JWKS endpoints from its origin, and only they may.
    clientBasedCORS: (_ctx, origin) => origin === appOrigin,
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => API_AUDIENCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: '',
          audience: API_AUDIENCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: accessTokenTtlSeconds,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    async findAccount(_ctx, id) {
      return ACCOUNTS[id] ? { accountId: id, claims: async () => ({ sub: id }) } : undefined;
    },
    async extraTokenClaims(_ctx, token) {
      const account = 'accountId' in token ? ACCOUNTS[token.accountId as string] : undefined;
      return account ? { role: account.role, ...(account.city ? { city: account.city } : {}) } : undefined;
    },
    loadExistingGrant: grantAsRequested,
    // oidc-provider honours offline_access only with prompt=consent, as OpenID Connect Core allows;
    // providers give browser apps rotated refresh tokens without it, bound to the provider's session.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3_600,
      RefreshToken: 24 * 3_600,
      Interaction: 3_600,
      Session: 24 * 3_600,
      Grant: 24 * 3_600,
    },
  };
  const provider = new Provider(issuer, configuration);
  const server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    signInWithoutBrowser: (authorizationUrl, login) => followSignIn(issuer, authorizationUrl, login),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * The grant of everything the app asks for, made on the spot: consent is the provider's business
 * with third-party apps, not with its organisation's own.
 */
async function grantAsRequested(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
  const grant = grantId ? await oidc.provider.Grant.find(grantId) : new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId! });
  grant!.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
  for (const indicator of Object.keys(oidc.resourceServers ?? {})) grant!.addResourceScope(indicator, '');
  await grant!.save();
  return grant;
}

/** The redirects of a sign-in at the provider, with its cookies; the login form posted when it is shown. */
async function followSignIn(issuer: string, authorizationUrl: URL, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let request: { url: URL; init: RequestInit } = { url: authorizationUrl, init: {} };
  for (let hop = 0; hop < 10; hop++) {
    const headers = new Headers(request.init.headers);
    headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(request.url, { ...request.init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, request.url);
      if (next.origin !== issuer) return next;
      request = { url: next, init: {} };
    } else if (response.ok && request.url.pathname.startsWith('/interaction/')) {
      // The development login page: its form posts the login, and any password, back to the interaction.
      const body = new URLSearchParams({ prompt: 'login', login, password: 'any' });
      request = { url: request.url, init: { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } };
    } else {
      throw new Error(`The provider answered ${response.status} at ${request.url.pathname}: ${await response.text()}`);
    }
  }
  throw new Error('The sign-in did not come back to the app within 10 redirects');
}
