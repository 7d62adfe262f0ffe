/** The service's settings (docs/operations.md), read once at start from the environment. */
export interface AppConfig {
  port: number;
  eventStore: { kind: 'sqlite'; file: string };
  /** A JSON catalogue replacing the built-in one. */
  programmesFile: string | null;
  production: boolean;
  /** How bearer tokens are verified. */
  auth: { kind: 'hs256'; secret: string } | { kind: 'jwks'; url: string };
  /** k of k-anonymity for life paths and of small-cell suppression. */
  kAnonymity: number;
  /** Key of the life paths' pseudonyms (HMAC-SHA256 of participant ids). */
  pseudonymSecret: string;
  /** Web origins whose pages may open the WebSocket, besides the service's own. */
  allowedOrigins: string[];
  /** Mutations one token may send per minute. */
  mutationsPerMinute: number;
  /** Events a projection may lag behind the log's head while the service still reports ready. */
  readinessMaxLag: number;
  logLevel: LogLevel;
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
const EVENT_STORE_DB_SCHEMES = ['esdb://', 'esdb+discover://', 'kurrentdb://'];

/** An empty variable counts as unset, as shells and container files often leave them. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const production = parseNodeEnv(env.NODE_ENV || 'development') === 'production';
  return {
    port: parsePort(env.PORT || '3000'),
    eventStore: parseEventStoreUrl(env.EVENT_STORE_URL || DEFAULT_EVENT_STORE_URL),
    programmesFile: env.PROGRAMMES_FILE || null,
    production,
    auth: parseAuth(env, production),
    kAnonymity: parseWholeNumber('K_ANONYMITY', env.K_ANONYMITY || '5', 1),
    pseudonymSecret: parseSecret('PSEUDONYM_SECRET', env.PSEUDONYM_SECRET, production),
    allowedOrigins: (env.ALLOWED_ORIGINS || '').split(',').map((o) => o.trim()).filter(Boolean),
    mutationsPerMinute: parseWholeNumber('MUTATION_RATE_LIMIT', env.MUTATION_RATE_LIMIT || '120', 1),
    readinessMaxLag: parseWholeNumber('READINESS_MAX_LAG', env.READINESS_MAX_LAG || '1000', 0),
    logLevel: parseLogLevel(env.LOG_LEVEL || 'info'),
  };
}

function parseAuth(env: NodeJS.ProcessEnv, production: boolean): AppConfig['auth'] {
  if (env.AUTH_JWKS_URL) {
    if (!/^https?:\/\//.test(env.AUTH_JWKS_URL)) throw new ConfigError('AUTH_JWKS_URL must be an http(s) URL');
    return { kind: 'jwks', url: env.AUTH_JWKS_URL };
  }
  if (production && !env.AUTH_JWT_SECRET) {
    throw new ConfigError('In production, AUTH_JWT_SECRET or AUTH_JWKS_URL must be set: tokens cannot be verified otherwise');
  }
  return { kind: 'hs256', secret: parseSecret('AUTH_JWT_SECRET', env.AUTH_JWT_SECRET, production) };
}

function parseSecret(name: string, value: string | undefined, production: boolean): string {
  if (!value) {
    if (production) throw new ConfigError(`In production, ${name} must be set`);
    return DEVELOPMENT_SECRET;
  }
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

function parseEventStoreUrl(url: string): AppConfig['eventStore'] {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '') throw new ConfigError("EVENT_STORE_URL 'sqlite:' needs a file, e.g. sqlite:data/journeys.db");
    return { kind: 'sqlite', file };
  }
  if (EVENT_STORE_DB_SCHEMES.some((scheme) => url.startsWith(scheme))) {
    throw new ConfigError('EVENT_STORE_URL: the EventStoreDB adapter is not part of this version yet; use sqlite:<file>');
  }
  // The URL itself is not repeated: it may hold a password.
  throw new ConfigError(`EVENT_STORE_URL must start with sqlite:, ${EVENT_STORE_DB_SCHEMES.join(', ')}`);
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
