import { ConfigError, DEVELOPMENT_SECRET, loadConfig } from '../../../src/config/config';

/** The error `loadConfig` throws for these settings, failing the test when it does not throw. */
function refusal(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('falls back to the defaults of docs/operations.md when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      eventStore: { kind: 'sqlite', file: 'data/journeys.db' },
      readModelFile: 'data/journeys.db',
      programmesFile: null,
      production: false,
      auth: { kind: 'hs256', secret: DEVELOPMENT_SECRET, issuer: null, audience: null, keysMaxAgeSeconds: 30 },
      oidc: null,
      devSignIn: true,
      operationsToken: null,
      keyVaultFile: null,
      kAnonymity: 5,
      pseudonymSecret: DEVELOPMENT_SECRET,
      allowedOrigins: [],
      mutationsPerMinute: 120,
      queryCostPerMinute: 50000,
      requestsPerAddressPerMinute: 1200,
      maxConcurrentOperations: 8,
      trustedProxies: 0,
      readinessMaxLag: 1000,
      storeLockWaitSeconds: 60,
      logLevel: 'info',
    });
  });

  describe('secrets and access settings', () => {
    const SECRET = 'a-production-secret-of-forty-characters!';
    const PSEUDONYM_SECRET = 'another-production-secret-of-forty-chars';
    const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET, PSEUDONYM_SECRET };
    const jwks = { ...production, AUTH_JWT_SECRET: '', AUTH_JWKS_URL: 'https://id.example.org/jwks.json' };

    it('starts in production with both secrets', () => {
      expect(loadConfig(production)).toMatchObject({ production: true, auth: { kind: 'hs256', secret: SECRET }, pseudonymSecret: PSEUDONYM_SECRET });
    });

    it('refuses the published development secret in production, even when set explicitly', () => {
      expect(refusal({ ...production, AUTH_JWT_SECRET: DEVELOPMENT_SECRET }).message).toContain('AUTH_JWT_SECRET must not be the published development secret');
      expect(refusal({ ...production, PSEUDONYM_SECRET: DEVELOPMENT_SECRET }).message).toContain('PSEUDONYM_SECRET');
      expect(refusal({ ...production, OPERATIONS_TOKEN: DEVELOPMENT_SECRET }).message).toContain('OPERATIONS_TOKEN');
    });

    it('refuses the same value for two secrets in production', () => {
      expect(refusal({ ...production, PSEUDONYM_SECRET: SECRET }).message).toBe('In production, AUTH_JWT_SECRET and PSEUDONYM_SECRET must be different secrets');
      expect(refusal({ ...production, OPERATIONS_TOKEN: PSEUDONYM_SECRET }).message).toContain('PSEUDONYM_SECRET and OPERATIONS_TOKEN');
      // Outside production the development secret serves both, as documented.
      expect(loadConfig({}).pseudonymSecret).toBe(DEVELOPMENT_SECRET);
    });

    it('takes an operations token of 32 characters or more, and a key vault file', () => {
      expect(loadConfig({ OPERATIONS_TOKEN: 'an-operations-token-of-forty-characters!', KEY_VAULT_FILE: '/keys/journeys.keys.db' })).toMatchObject({
        operationsToken: 'an-operations-token-of-forty-characters!',
        keyVaultFile: '/keys/journeys.keys.db',
      });
      expect(refusal({ OPERATIONS_TOKEN: 'short' }).message).toContain('OPERATIONS_TOKEN must be at least 32');
    });

    it('refuses to start in production without a token secret or a JWKS URL', () => {
      expect(refusal({ ...production, AUTH_JWT_SECRET: '' }).message).toContain('AUTH_JWT_SECRET or AUTH_JWKS_URL');
    });

    it('refuses to start in production without a pseudonym secret', () => {
      expect(refusal({ ...production, PSEUDONYM_SECRET: '' }).message).toContain('PSEUDONYM_SECRET');
    });

    it('verifies RS256 tokens from a JWKS URL instead of a secret, with the issuer and audience it requires', () => {
      expect(loadConfig({ ...jwks, AUTH_ISSUER: 'https://id.example.org', AUTH_AUDIENCE: 'journeys', AUTH_KEYS_MAX_AGE: '10' }).auth).toEqual({
        kind: 'jwks',
        url: 'https://id.example.org/jwks.json',
        issuer: 'https://id.example.org',
        audience: 'journeys',
        keysMaxAgeSeconds: 10,
      });
      expect(refusal({ AUTH_JWKS_URL: 'ftp://id.example.org' }).message).toContain('AUTH_JWKS_URL');
      expect(refusal({ AUTH_KEYS_MAX_AGE: '0' }).message).toContain('AUTH_KEYS_MAX_AGE');
    });

    it('requires in production an https:// JWKS URL, an issuer and an audience', () => {
      const claims = { AUTH_ISSUER: 'https://id.example.org', AUTH_AUDIENCE: 'journeys' };
      expect(refusal({ ...jwks, ...claims, AUTH_JWKS_URL: 'http://id.example.org/jwks.json' }).message).toBe('In production, AUTH_JWKS_URL must be an https:// URL');
      expect(refusal({ ...jwks, AUTH_ISSUER: claims.AUTH_ISSUER }).message).toContain('AUTH_ISSUER and AUTH_AUDIENCE');
      expect(refusal({ ...jwks, AUTH_AUDIENCE: claims.AUTH_AUDIENCE }).message).toContain('AUTH_ISSUER and AUTH_AUDIENCE');
      // A developer may run a local identity provider over plain HTTP.
      expect(loadConfig({ AUTH_JWKS_URL: 'http://localhost:8080/jwks.json' }).auth).toMatchObject({ kind: 'jwks', issuer: null, audience: null });
    });

    it('offers the development sign-in only with the published development secret, unless DEV_SIGN_IN says otherwise, never in production', () => {
      const ownSecret = { AUTH_JWT_SECRET: SECRET };
      expect(loadConfig({}).devSignIn).toBe(true);
      expect(loadConfig(ownSecret).devSignIn).toBe(false);
      expect(loadConfig({ ...ownSecret, DEV_SIGN_IN: 'true' }).devSignIn).toBe(true);
      expect(loadConfig({ DEV_SIGN_IN: 'false' }).devSignIn).toBe(false);
      expect(loadConfig(production).devSignIn).toBe(false);
      expect(loadConfig({ AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks' }).devSignIn).toBe(false);
      expect(refusal({ ...production, DEV_SIGN_IN: 'true' }).message).toContain('DEV_SIGN_IN is for development only');
      expect(refusal({ AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks', DEV_SIGN_IN: 'true' }).message).toContain('DEV_SIGN_IN needs AUTH_JWT_SECRET');
      expect(refusal({ DEV_SIGN_IN: 'yes' }).message).toBe("DEV_SIGN_IN must be true or false, not 'yes'");
    });

    it('refuses a secret shorter than 32 characters', () => {
      expect(refusal({ AUTH_JWT_SECRET: 'short' }).message).toContain('at least 32');
    });

    it('reads k, the origins allowed to open a WebSocket, the budgets and the proxies believed', () => {
      const env = {
        K_ANONYMITY: '3',
        ALLOWED_ORIGINS: 'https://a.example, https://b.example',
        MUTATION_RATE_LIMIT: '10',
        QUERY_COST_PER_MINUTE: '2000',
        REQUESTS_PER_ADDRESS_PER_MINUTE: '300',
        MAX_CONCURRENT_OPERATIONS: '4',
        TRUST_PROXY: '1',
      };
      expect(loadConfig(env)).toMatchObject({
        kAnonymity: 3,
        allowedOrigins: ['https://a.example', 'https://b.example'],
        mutationsPerMinute: 10,
        queryCostPerMinute: 2000,
        requestsPerAddressPerMinute: 300,
        maxConcurrentOperations: 4,
        trustedProxies: 1,
      });
      expect(refusal({ K_ANONYMITY: '0' }).message).toContain('K_ANONYMITY');
      expect(refusal({ MUTATION_RATE_LIMIT: 'many' }).message).toContain('MUTATION_RATE_LIMIT');
      expect(refusal({ QUERY_COST_PER_MINUTE: '0' }).message).toContain('QUERY_COST_PER_MINUTE');
      expect(refusal({ MAX_CONCURRENT_OPERATIONS: '0' }).message).toContain('MAX_CONCURRENT_OPERATIONS');
      expect(refusal({ TRUST_PROXY: 'yes' }).message).toContain('TRUST_PROXY');
      expect(refusal({ STORE_LOCK_WAIT: '-1' }).message).toContain('STORE_LOCK_WAIT');
    });
  });

  describe('PORT', () => {
    it.each([
      ['8080', 8080],
      ['65535', 65535],
      // 0 asks the system for a free port (used by tests that start the app).
      ['0', 0],
    ])('accepts %s', (value, port) => {
      expect(loadConfig({ PORT: value }).port).toBe(port);
    });

    it.each(['65536', 'abc', '12.5', '-1', '80 ', '1e3'])('refuses %j, naming PORT', (value) => {
      const error = refusal({ PORT: value });
      expect(error.message).toContain('PORT');
      expect(error.message).toContain(`'${value}'`);
    });
  });

  describe('EVENT_STORE_URL', () => {
    it('takes the file of a sqlite: URL', () => {
      expect(loadConfig({ EVENT_STORE_URL: 'sqlite:/var/lib/journeys/events.db' }).eventStore).toEqual({
        kind: 'sqlite',
        file: '/var/lib/journeys/events.db',
      });
      expect(loadConfig({ EVENT_STORE_URL: 'sqlite:relative/events.db' }).eventStore).toEqual({ kind: 'sqlite', file: 'relative/events.db' });
    });

    it('refuses sqlite: without a file', () => {
      const error = refusal({ EVENT_STORE_URL: 'sqlite:' });
      expect(error.message).toContain('EVENT_STORE_URL');
      expect(error.message).toMatch(/needs a file/);
    });

    it.each([
      ['esdb://admin:changeit@localhost:2113?tls=false', 'esdb://admin:changeit@localhost:2113?tls=false'],
      ['esdb+discover://cluster.example.org:2113', 'esdb+discover://cluster.example.org:2113'],
      ['kurrentdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
      ['kurrentdb+discover://a:2113,b:2113,c:2113', 'esdb+discover://a:2113,b:2113,c:2113'],
    ])('takes the EventStoreDB connection string %s as %s, read models in data/read-models.db', (url, connectionString) => {
      const config = loadConfig({ EVENT_STORE_URL: url });
      expect(config.eventStore).toEqual({ kind: 'esdb', connectionString });
      expect(config.readModelFile).toBe('data/read-models.db');
    });

    it('puts the read models of an EventStoreDB store at READ_MODEL_PATH', () => {
      expect(loadConfig({ EVENT_STORE_URL: 'esdb://localhost:2113', READ_MODEL_PATH: '/var/lib/replica-2/read.db' }).readModelFile).toBe(
        '/var/lib/replica-2/read.db',
      );
    });

    it('refuses READ_MODEL_PATH with an embedded store, whose file holds the read models', () => {
      expect(refusal({ EVENT_STORE_URL: 'sqlite:data/x.db', READ_MODEL_PATH: 'data/read.db' }).message).toMatch(/READ_MODEL_PATH applies to an EventStoreDB store only/);
    });

    it('refuses KEY_VAULT_FILE with an EventStoreDB store, whose keys are streams of the cluster', () => {
      expect(refusal({ EVENT_STORE_URL: 'esdb://localhost:2113', KEY_VAULT_FILE: 'keys.db' }).message).toMatch(/KEY_VAULT_FILE applies to the embedded store only/);
    });

    it.each(['esdb://', 'kurrentdb+discover://?tls=false'])('refuses the connection string %s without a host', (url) => {
      expect(refusal({ EVENT_STORE_URL: url }).message).toMatch(/needs a host/);
    });

    it.each(['postgres://admin:s3cret@localhost/journeys', 'data/journeys.db', 'SQLITE:data/journeys.db'])('refuses an unknown scheme, without repeating the URL: %s', (url) => {
      const error = refusal({ EVENT_STORE_URL: url });
      expect(error.message).toContain('EVENT_STORE_URL must start with sqlite:');
      expect(error.message).not.toContain(url);
    });

    it('treats empty variables as unset', () => {
      expect(loadConfig({ PORT: '', EVENT_STORE_URL: '', PROGRAMMES_FILE: '', NODE_ENV: '' })).toEqual(loadConfig({}));
    });
  });

  describe('NODE_ENV', () => {
    it.each([
      ['production', true],
      ['development', false],
      ['test', false],
    ])('%s sets production to %s', (value, production) => {
      const secrets = { AUTH_JWT_SECRET: 'a-production-secret-of-forty-characters!', PSEUDONYM_SECRET: 'another-secret-of-at-least-32-chars!' };
      expect(loadConfig({ NODE_ENV: value, ...secrets }).production).toBe(production);
    });

    it.each(['staging', 'Production', 'prod'])('refuses %j, naming NODE_ENV', (value) => {
      const error = refusal({ NODE_ENV: value });
      expect(error.message).toContain('NODE_ENV');
      expect(error.message).toContain(`'${value}'`);
    });
  });

  it('takes PROGRAMMES_FILE as given', () => {
    expect(loadConfig({ PROGRAMMES_FILE: 'config/catalogue.json' }).programmesFile).toBe('config/catalogue.json');
  });
});
