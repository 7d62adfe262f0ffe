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
      programmesFile: null,
      production: false,
      auth: { kind: 'hs256', secret: DEVELOPMENT_SECRET },
      kAnonymity: 5,
      pseudonymSecret: DEVELOPMENT_SECRET,
      allowedOrigins: [],
      mutationsPerMinute: 120,
      readinessMaxLag: 1000,
      logLevel: 'info',
    });
  });

  describe('secrets and access settings', () => {
    const SECRET = 'a-production-secret-of-forty-characters!';
    const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET, PSEUDONYM_SECRET: SECRET };

    it('starts in production with both secrets', () => {
      expect(loadConfig(production)).toMatchObject({ production: true, auth: { kind: 'hs256', secret: SECRET }, pseudonymSecret: SECRET });
    });

    it('refuses to start in production without a token secret or a JWKS URL', () => {
      expect(refusal({ ...production, AUTH_JWT_SECRET: '' }).message).toContain('AUTH_JWT_SECRET or AUTH_JWKS_URL');
    });

    it('refuses to start in production without a pseudonym secret', () => {
      expect(refusal({ ...production, PSEUDONYM_SECRET: '' }).message).toContain('PSEUDONYM_SECRET');
    });

    it('verifies RS256 tokens from a JWKS URL instead of a secret', () => {
      expect(loadConfig({ ...production, AUTH_JWT_SECRET: '', AUTH_JWKS_URL: 'https://id.example.org/jwks.json' }).auth).toEqual({
        kind: 'jwks',
        url: 'https://id.example.org/jwks.json',
      });
      expect(refusal({ AUTH_JWKS_URL: 'ftp://id.example.org' }).message).toContain('AUTH_JWKS_URL');
    });

    it('refuses a secret shorter than 32 characters', () => {
      expect(refusal({ AUTH_JWT_SECRET: 'short' }).message).toContain('at least 32');
    });

    it('reads k, the origins allowed to open a WebSocket and the mutation budget', () => {
      expect(loadConfig({ K_ANONYMITY: '3', ALLOWED_ORIGINS: 'https://a.example, https://b.example', MUTATION_RATE_LIMIT: '10' })).toMatchObject({
        kAnonymity: 3,
        allowedOrigins: ['https://a.example', 'https://b.example'],
        mutationsPerMinute: 10,
      });
      expect(refusal({ K_ANONYMITY: '0' }).message).toContain('K_ANONYMITY');
      expect(refusal({ MUTATION_RATE_LIMIT: 'many' }).message).toContain('MUTATION_RATE_LIMIT');
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
      expect(loadConfig({ EVENT_STORE_URL: 'sqlite:relative/events.db' }).eventStore.file).toBe('relative/events.db');
    });

    it('refuses sqlite: without a file', () => {
      const error = refusal({ EVENT_STORE_URL: 'sqlite:' });
      expect(error.message).toContain('EVENT_STORE_URL');
      expect(error.message).toMatch(/needs a file/);
    });

    it.each([
      'esdb://admin:changeit@localhost:2113?tls=false',
      'esdb+discover://cluster.example.org:2113',
      'kurrentdb://localhost:2113?tls=false',
    ])('refuses the EventStoreDB connection string %s: its adapter is not available yet', (url) => {
      const error = refusal({ EVENT_STORE_URL: url });
      expect(error.message).toContain('EVENT_STORE_URL');
      expect(error.message).toMatch(/EventStoreDB adapter is not part of this version yet/);
      expect(error.message).toContain('sqlite:<file>');
      // A connection string may hold a password: it is not repeated.
      expect(error.message).not.toContain('changeit');
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
