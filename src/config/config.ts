/** The service's settings (DESIGN 2), read once at start from the environment. */
export interface AppConfig {
  port: number;
  eventStore: { kind: 'sqlite'; file: string };
  /** A JSON catalogue replacing the built-in one. */
  programmesFile: string | null;
  production: boolean;
}

/** A setting that cannot be used: the service does not start, and says which and why. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const DEFAULT_EVENT_STORE_URL = 'sqlite:data/journeys.db';
const EVENT_STORE_DB_SCHEMES = ['esdb://', 'esdb+discover://', 'kurrentdb://'];

/** An empty variable counts as unset, as shells and container files often leave them. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  return {
    port: parsePort(env.PORT || '3000'),
    eventStore: parseEventStoreUrl(env.EVENT_STORE_URL || DEFAULT_EVENT_STORE_URL),
    programmesFile: env.PROGRAMMES_FILE || null,
    production: parseNodeEnv(env.NODE_ENV || 'development') === 'production',
  };
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

function parseNodeEnv(value: string): string {
  if (!['development', 'production', 'test'].includes(value)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, not '${value}'`);
  }
  return value;
}
