import * as oauth from 'oauth4webapi';

/** The provider and the app's public client there (GET /app-config.json), and where it comes back to. */
export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  /** Space-separated, `openid` among them. */
  scopes: string;
  redirectUri: string;
}

/** What a sign-in keeps across the redirect to the provider and back: none of it leaves this tab. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** What the provider's token endpoint gave. */
export interface OidcTokens {
  accessToken: string;
  /** Present with `offline_access`: silent renewal; a rotated one replaces the last. */
  refreshToken: string | null;
  /** Kept for sign-out, as the provider's `id_token_hint`. */
  idToken: string | null;
}

/**
 * OpenID Connect's authorization code flow with PKCE (S256), state and nonce, for a public client,
 * done by oauth4webapi: discovery, the authorization URL, the code's exchange (the ID token's
 * signature, issuer, audience and nonce checked), refresh, and the provider's sign-out URL.
 */
export class OidcClient {
  private constructor(
    private readonly settings: OidcClientSettings,
    private readonly server: oauth.AuthorizationServer,
    private readonly client: oauth.Client,
    private readonly options: { [oauth.allowInsecureRequests]?: boolean },
  ) {}

  /** Reads the provider's metadata (`/.well-known/openid-configuration`). */
  static async discover(settings: OidcClientSettings): Promise<OidcClient> {
    const issuer = new URL(settings.issuer);
    // The service refuses an http:// issuer in production (OIDC_ISSUER): this is a developer's or a test's provider.
    const options = { [oauth.allowInsecureRequests]: issuer.protocol === 'http:' };
    const server = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
    return new OidcClient(settings, server, { client_id: settings.clientId }, options);
  }

  /** Where to send the browser to sign in, and what to keep until it comes back. */
  async authorizationUrl(): Promise<{ url: URL; pending: PendingSignIn }> {
    const pending = { state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce(), codeVerifier: oauth.generateRandomCodeVerifier() };
    const url = new URL(this.server.authorization_endpoint!);
    url.search = new URLSearchParams({
      client_id: this.settings.clientId,
      redirect_uri: this.settings.redirectUri,
      response_type: 'code',
      scope: this.settings.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    }).toString();
    return { url, pending };
  }

  /** The tokens for the code the provider sent back to `callbackUrl`; throws on an error, a wrong state or nonce. */
  async exchangeCode(callbackUrl: URL, pending: PendingSignIn): Promise<OidcTokens> {
    const parameters = oauth.validateAuthResponse(this.server, this.client, callbackUrl, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(
      this.server,
      this.client,
      oauth.None(),
      parameters,
      this.settings.redirectUri,
      pending.codeVerifier,
      this.options,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(this.server, this.client, response, { expectedNonce: pending.nonce, requireIdToken: true });
    return tokensOf(tokens, null);
  }

  /** New tokens for a refresh token (rotated or not); throws when the provider refuses it. */
  async refresh(refreshToken: string, idToken: string | null): Promise<OidcTokens> {
    const response = await oauth.refreshTokenGrantRequest(this.server, this.client, oauth.None(), refreshToken, this.options);
    const tokens = await oauth.processRefreshTokenResponse(this.server, this.client, response);
    return tokensOf(tokens, refreshToken, idToken);
  }

  /** The provider's sign-out page, back to `postLogoutRedirectUri`; null when it offers none. */
  endSessionUrl(idToken: string | null, postLogoutRedirectUri: string): URL | null {
    if (!this.server.end_session_endpoint) return null;
    const url = new URL(this.server.end_session_endpoint);
    url.search = new URLSearchParams({
      client_id: this.settings.clientId,
      post_logout_redirect_uri: postLogoutRedirectUri,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).toString();
    return url;
  }
}

/** A refresh may answer no new refresh or ID token: the ones held stay good then. */
const tokensOf = (response: oauth.TokenEndpointResponse, refreshToken: string | null, idToken: string | null = null): OidcTokens => ({
  accessToken: response.access_token,
  refreshToken: response.refresh_token ?? refreshToken,
  idToken: response.id_token ?? idToken,
});
