import { ConfigError, loadConfig } from '../../../src/config/config';

const PROVIDER = { AUTH_JWKS_URL: 'https://id.example.org/jwks', OIDC_ISSUER: 'https://id.example.org', OIDC_CLIENT_ID: 'journeys-web' };
const PRODUCTION = {
  NODE_ENV: 'production',
  PSEUDONYM_SECRET: 'pseudonym-secret-of-at-least-32-characters',
  AUTH_ISSUER: 'https://id.example.org',
  AUTH_AUDIENCE: 'https://journeys.example.org/api',
};

const oidcOf = (env: NodeJS.ProcessEnv) => loadConfig(env).oidc;

describe('the web app\'s OpenID provider settings (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_SCOPES)', () => {
  it('are none unless set, and then openid offline_access by default', () => {
    expect(oidcOf({})).toBeNull();
    expect(oidcOf(PROVIDER)).toEqual({ issuer: 'https://id.example.org', clientId: 'journeys-web', scopes: 'openid offline_access' });
  });

  it('keep the scopes given, spaces tidied', () => {
    expect(oidcOf({ ...PROVIDER, OIDC_SCOPES: ' openid  journeys ' })!.scopes).toBe('openid journeys');
  });

  it.each([
    ['an issuer without a client', { ...PROVIDER, OIDC_CLIENT_ID: '' }, /set together/],
    ['a client without an issuer', { ...PROVIDER, OIDC_ISSUER: '' }, /set together/],
    ['an issuer that is not an http(s) URL', { ...PROVIDER, OIDC_ISSUER: 'id.example.org' }, /OIDC_ISSUER must be an http\(s\) URL/],
    ['an issuer with a query', { ...PROVIDER, OIDC_ISSUER: 'https://id.example.org/?tenant=1' }, /without query/],
    ['an issuer without AUTH_JWKS_URL', { ...PROVIDER, AUTH_JWKS_URL: '' }, /needs AUTH_JWKS_URL/],
    ['scopes without openid', { ...PROVIDER, OIDC_SCOPES: 'profile' }, /'openid' among them/],
    ['a scope with a quote', { ...PROVIDER, OIDC_SCOPES: 'openid "x"' }, /'openid' among them/],
    ['an http issuer in production', { ...PRODUCTION, ...PROVIDER, OIDC_ISSUER: 'http://id.example.org' }, /In production, OIDC_ISSUER must be an https:\/\/ URL/],
  ])('refuse %s, saying which setting', (_, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('are accepted in production over https', () => {
    expect(loadConfig({ ...PRODUCTION, ...PROVIDER }).oidc).toMatchObject({ issuer: 'https://id.example.org' });
  });
});
