/** The service's settings (docs/operations.md), read once at start from the environment. */
export interface AppConfig {
  port: number;
  eventStore: EventStoreSettings;
  /**
   * The SQLite file of this process's read models: the event store's own file in embedded mode; in
   * cluster mode one per replica, folded from the cluster's log.
   */
  readModelFile: string;
  /** A JSON catalogue replacing the built-in one. */
  programmesFile: string | null;
  production: boolean;
  /** How bearer tokens are verified. */
  auth: TokenSettings;
  /** The identity provider the web app signs in with; null: no OpenID Connect sign-in. */
  oidc: OidcSettings | null;
  /** Whether POST /auth/dev-token signs tokens for the web app's development sign-in (parseDevSignIn). */
  devSignIn: boolean;
  /** Bearer credential of `/metrics` and of `/health/ready`'s details; null: they are not served. */
  operationsToken: string | null;
  /** A SQLite file for participants' keys apart from the events; null: a table of the event store's file. */
  keyVaultFile: string | null;
  /** k of the life paths' k-anonymity (researchers' dashboard figures are perturbed instead, by the cell key method). */
  kAnonymity: number;
  /** Key of the life paths' pseudonyms (HMAC-SHA256 of participant ids). */
  pseudonymSecret: string;
  /** Web origins whose pages may open the WebSocket, besides the service's own. */
  allowedOrigins: string[];
  /** Mutations one token may send per minute. */
  mutationsPerMinute: number;
  /** Query cost (src/graphql/hardening/page-cost.rule.ts) one token may spend per minute. */
  queryCostPerMinute: number;
  /** HTTP requests and WebSocket upgrades one client address may make per minute. */
  requestsPerAddressPerMinute: number;
  /** GraphQL operations the service runs at once; others wait their turn, briefly. */
  maxConcurrentOperations: number;
  /** Reverse proxies in front of the service whose X-Forwarded-For is believed (Fastify's `trustProxy` hops). */
  trustedProxies: number;
  /** Events a projection may lag behind the log's head while the service still reports ready. */
  readinessMaxLag: number;
  /** Seconds a write to the embedded store waits for another process's write lock (a rebuild's swap, an import) before it is refused. */
  storeLockWaitSeconds: number;
  logLevel: LogLevel;
}

/** Where events are stored: the embedded SQLite file, or an EventStoreDB (KurrentDB) cluster. */
export type EventStoreSettings = { kind: 'sqlite'; file: string } | { kind: 'esdb'; connectionString: string };

/** How tokens are verified, and what is asked of them besides a valid signature. */
export type TokenSettings = ({ kind: 'hs256'; secret: string } | { kind: 'jwks'; url: string }) & {
  /** Required `iss` claim, when set. */
  issuer: string | null;
  /** Required `aud` claim, when set. */
  audience: string | null;
  /** How long a fetched key set, and a verified token, are trusted before being checked again. */
  keysMaxAgeSeconds: number;
};

/** The OpenID provider whose sign-in the web app offers (authorization code with PKCE, a public client). */
export interface OidcSettings {
  /** Issuer identifier, whose `/.well-known/openid-configuration` the browser reads. */
  issuer: string;
  clientId: string;
  /** Space-separated scopes asked for, `openid` among them. */
  scopes: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Known to everyone who reads this file: fine on a developer's machine, refused in production,
 * where a token signed with it would open every door.
 */
export const DEVELOPMENT_SECRET = 'development-only-secret-do-not-use-in-production!';
const MIN_SECRET_LENGTH = 32;

/** A setting that cannot be used: the service does not start, and says which and why. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const DEFAULT_EVENT_STORE_URL = 'sqlite:data/journeys.db';
/** KurrentDB's schemes mean the same as EventStoreDB's, which is all the 6.x client parses. */
const EVENT_STORE_DB_SCHEMES: Record<string, string> = {
  'esdb://': 'esdb://',
  'esdb+discover://': 'esdb+discover://',
  'kurrentdb://': 'esdb://',
  'kurrentdb+discover://': 'esdb+discover://',
};
const DEFAULT_READ_MODEL_PATH = 'data/read-models.db';

/** An empty variable counts as unset, as shells and container files often leave them. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const production = parseNodeEnv(env.NODE_ENV || 'development') === 'production';
  const eventStore = parseEventStoreUrl(env.EVENT_STORE_URL || DEFAULT_EVENT_STORE_URL);
  const auth = parseAuth(env, production);
  const config: AppConfig = {
    port: parsePort(env.PORT || '3000'),
    eventStore,
    readModelFile: parseReadModelPath(eventStore, env.READ_MODEL_PATH || null),
    programmesFile: env.PROGRAMMES_FILE || null,
    production,
    auth,
    oidc: parseOidc(env, production),
    devSignIn: parseDevSignIn(env.DEV_SIGN_IN || null, production, auth),
    operationsToken: env.OPERATIONS_TOKEN ? parseSecret('OPERATIONS_TOKEN', env.OPERATIONS_TOKEN, production) : null,
    keyVaultFile: parseKeyVaultFile(eventStore, env.KEY_VAULT_FILE || null),
    kAnonymity: parseWholeNumber('K_ANONYMITY', env.K_ANONYMITY || '5', 1),
    pseudonymSecret: parseSecret('PSEUDONYM_SECRET', env.PSEUDONYM_SECRET, production),
    allowedOrigins: (env.ALLOWED_ORIGINS || '').split(',').map((o) => o.trim()).filter(Boolean),
    mutationsPerMinute: parseWholeNumber('MUTATION_RATE_LIMIT', env.MUTATION_RATE_LIMIT || '120', 1),
    queryCostPerMinute: parseWholeNumber('QUERY_COST_PER_MINUTE', env.QUERY_COST_PER_MINUTE || '50000', 1),
    requestsPerAddressPerMinute: parseWholeNumber('REQUESTS_PER_ADDRESS_PER_MINUTE', env.REQUESTS_PER_ADDRESS_PER_MINUTE || '1200', 1),
    maxConcurrentOperations: parseWholeNumber('MAX_CONCURRENT_OPERATIONS', env.MAX_CONCURRENT_OPERATIONS || '8', 1),
    trustedProxies: parseWholeNumber('TRUST_PROXY', env.TRUST_PROXY || '0', 0),
    readinessMaxLag: parseWholeNumber('READINESS_MAX_LAG', env.READINESS_MAX_LAG || '1000', 0),
    storeLockWaitSeconds: parseWholeNumber('STORE_LOCK_WAIT', env.STORE_LOCK_WAIT || '60', 0),
    logLevel: parseLogLevel(env.LOG_LEVEL || 'info'),
  };
  if (production) assertDistinctSecrets(config);
  return config;
}

/**
 * One leaked secret must not open another door: a token secret that is also the pseudonyms' key
 * would let whoever signs tokens re-identify life paths, and the reverse.
 */
function assertDistinctSecrets({ auth, pseudonymSecret, operationsToken }: AppConfig): void {
  const secrets = [
    ['AUTH_JWT_SECRET', auth.kind === 'hs256' ? auth.secret : null],
    ['PSEUDONYM_SECRET', pseudonymSecret],
    ['OPERATIONS_TOKEN', operationsToken],
  ].filter((entry): entry is [string, string] => entry[1] !== null);
  for (const [i, [name, value]] of secrets.entries()) {
    const same = secrets.slice(i + 1).find(([, other]) => other === value);
    if (same) throw new ConfigError(`In production, ${name} and ${same[0]} must be different secrets`);
  }
}

function parseAuth(env: NodeJS.ProcessEnv, production: boolean): TokenSettings {
  const claims = {
    issuer: env.AUTH_ISSUER || null,
    audience: env.AUTH_AUDIENCE || null,
    keysMaxAgeSeconds: parseWholeNumber('AUTH_KEYS_MAX_AGE', env.AUTH_KEYS_MAX_AGE || '30', 1),
  };
  if (env.AUTH_JWKS_URL) {
    if (!/^https?:\/\//.test(env.AUTH_JWKS_URL)) throw new ConfigError('AUTH_JWKS_URL must be an http(s) URL');
    if (production) {
      // Over plain HTTP, whoever sits on the path can hand the service keys of their own.
      if (!env.AUTH_JWKS_URL.startsWith('https://')) throw new ConfigError('In production, AUTH_JWKS_URL must be an https:// URL');
      // An identity provider signs tokens for many services: without both, another's token would do.
      if (!claims.issuer || !claims.audience) throw new ConfigError('In production, AUTH_ISSUER and AUTH_AUDIENCE must be set with AUTH_JWKS_URL');
    }
    return { kind: 'jwks', url: env.AUTH_JWKS_URL, ...claims };
  }
  if (production && !env.AUTH_JWT_SECRET) {
    throw new ConfigError('In production, AUTH_JWT_SECRET or AUTH_JWKS_URL must be set: tokens cannot be verified otherwise');
  }
  return { kind: 'hs256', secret: parseSecret('AUTH_JWT_SECRET', env.AUTH_JWT_SECRET, production), ...claims };
}

/**
 * The provider's access tokens are what the API then verifies, with that provider's keys: an
 * issuer without AUTH_JWKS_URL would sign people in to a service that refuses all their tokens.
 */
function parseOidc(env: NodeJS.ProcessEnv, production: boolean): OidcSettings | null {
  if (!env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) return null;
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) throw new ConfigError('OIDC_ISSUER and OIDC_CLIENT_ID must be set together');
  if (!/^https?:\/\/[^/?#]+/.test(env.OIDC_ISSUER) || /[?#]/.test(env.OIDC_ISSUER)) throw new ConfigError('OIDC_ISSUER must be an http(s) URL without query or fragment');
  // Over plain HTTP, whoever sits on the path can sign people in as anyone.
  if (production && !env.OIDC_ISSUER.startsWith('https://')) throw new ConfigError('In production, OIDC_ISSUER must be an https:// URL');
  if (!env.AUTH_JWKS_URL) throw new ConfigError("OIDC_ISSUER needs AUTH_JWKS_URL: the API verifies the provider's tokens with its keys");
  const scopes = (env.OIDC_SCOPES || 'openid offline_access').split(' ').filter(Boolean);
  if (!scopes.includes('openid') || scopes.some((scope) => !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope))) {
    throw new ConfigError("OIDC_SCOPES must be space-separated scopes, 'openid' among them");
  }
  return { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, scopes: scopes.join(' ') };
}

/**
 * The development sign-in hands anyone any role's token, signed with the service's own HS256
 * secret: by default only while that secret is the published development one, whose tokens anyone
 * can forge anyway. A real secret without NODE_ENV=production (a forgotten setting) then offers
 * nothing; DEV_SIGN_IN=true asks for it with another secret (tests, a shared test server), never
 * in production nor with an identity provider's keys, which sign every token themselves.
 */
function parseDevSignIn(value: string | null, production: boolean, auth: TokenSettings): boolean {
  if (value !== null && value !== 'true' && value !== 'false') throw new ConfigError(`DEV_SIGN_IN must be true or false, not '${value}'`);
  if (value === 'true' && production) throw new ConfigError('DEV_SIGN_IN is for development only: in production people sign in through the identity provider');
  if (value === 'true' && auth.kind !== 'hs256') throw new ConfigError('DEV_SIGN_IN needs AUTH_JWT_SECRET: with AUTH_JWKS_URL the identity provider signs every token');
  if (value !== null) return value === 'true';
  return !production && auth.kind === 'hs256' && auth.secret === DEVELOPMENT_SECRET;
}

function parseSecret(name: string, value: string | undefined, production: boolean): string {
  if (!value) {
    if (production) throw new ConfigError(`In production, ${name} must be set`);
    return DEVELOPMENT_SECRET;
  }
  if (production && value === DEVELOPMENT_SECRET) throw new ConfigError(`In production, ${name} must not be the published development secret`);
  if (value.length < MIN_SECRET_LENGTH) throw new ConfigError(`${name} must be at least ${MIN_SECRET_LENGTH} characters`);
  return value;
}

function parseWholeNumber(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new ConfigError(`${name} must be a whole number from ${min}, not '${value}'`);
  return Number(value);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not '${value}'`);
  }
  return port;
}

/** In cluster mode the keys are EventStoreDB streams, which every replica reads. */
function parseKeyVaultFile(eventStore: EventStoreSettings, file: string | null): string | null {
  if (file !== null && eventStore.kind === 'esdb') throw new ConfigError('KEY_VAULT_FILE applies to the embedded store only: with EventStoreDB the keys are streams of the cluster');
  return file;
}

/** Says where events are stored without repeating a connection string, which may hold a password. */
export function describeEventStore(eventStore: EventStoreSettings): string {
  return eventStore.kind === 'sqlite' ? eventStore.file : 'the EventStoreDB cluster of EVENT_STORE_URL';
}

function parseEventStoreUrl(url: string): EventStoreSettings {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '') throw new ConfigError("EVENT_STORE_URL 'sqlite:' needs a file, e.g. sqlite:data/journeys.db");
    return { kind: 'sqlite', file };
  }
  const scheme = Object.keys(EVENT_STORE_DB_SCHEMES).find((prefix) => url.startsWith(prefix));
  if (scheme) {
    const rest = url.slice(scheme.length);
    if (rest === '' || rest.startsWith('?')) throw new ConfigError(`EVENT_STORE_URL '${scheme}' needs a host, e.g. ${scheme}localhost:2113?tls=false`);
    return { kind: 'esdb', connectionString: `${EVENT_STORE_DB_SCHEMES[scheme]}${rest}` };
  }
  // The URL itself is not repeated: it may hold a password.
  throw new ConfigError(`EVENT_STORE_URL must start with sqlite:, ${Object.keys(EVENT_STORE_DB_SCHEMES).join(', ')}`);
}

/**
 * In embedded mode the read models live in the event store's file, so that one file is the whole
 * state to back up; a path of their own would only be a second file to keep in step.
 */
function parseReadModelPath(eventStore: EventStoreSettings, path: string | null): string {
  if (eventStore.kind === 'esdb') return path ?? DEFAULT_READ_MODEL_PATH;
  if (path !== null) throw new ConfigError('READ_MODEL_PATH applies to an EventStoreDB store only: with sqlite: the read models live in its file');
  return eventStore.file;
}

function parseLogLevel(value: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(value)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return value as LogLevel;
}

function parseNodeEnv(value: string): string {
  if (!['development', 'production', 'test'].includes(value)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, not '${value}'`);
  }
  return value;
}
