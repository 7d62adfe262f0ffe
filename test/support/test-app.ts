import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { eventually } from './eventually';
import { type GraphQLResponse, postGraphQL } from './graphql-client';
import { tempDir } from './temp-files';
import { defaultBearer, TEST_JWT_SECRET } from './tokens';

/** Within a test hook's time (jest.config.js), however loaded the machine. */
const VERIFIED_WITHIN_MS = 25_000;

export interface TestApp {
  app: INestApplication;
  /** The GraphQL endpoint over real HTTP on loopback. */
  url: string;
  /** `Authorization` value of the caller `gql` acts as by default (an adviser of every city). */
  bearer: string;
  /** A request as the default caller, or as the caller of `authorization` (null: no header). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, authorization?: string | null): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The real service on a real SQLite file, listening on a free loopback port, once it has verified
 * its read models as every start does. Until then its projections fold nothing, so a recording
 * would wait out its read-your-writes (2 s at most) on a loaded machine. Verified, not ready: a
 * test's damaged read model is verified and found damaged, and never makes the service ready.
 */
export async function startTestApp(databaseFile: string, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    EVENT_STORE_URL: `sqlite:${databaseFile}`,
    PORT: '0',
    NODE_ENV: 'test',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const runner = app.get(ProjectionRunner);
  await eventually('its read models are verified', () => runner.status().every(({ problems }) => problems !== null), VERIFIED_WITHIN_MS);
  const url = `${await app.getUrl()}/graphql`;
  const asDefault = await defaultBearer();
  return {
    app,
    url,
    bearer: asDefault,
    gql: (query, variables, authorization = asDefault) =>
      postGraphQL(url, query, variables, authorization === null ? {} : { authorization }),
    close: () => app.close(),
  };
}

/** The app a test file works against, started before its tests and removed after them. */
export interface AppForTests extends Omit<TestApp, 'close'> {
  /** The SQLite file behind it. */
  file: string;
  /** Closes the app and starts it again on the same file. */
  restart(): Promise<void>;
}

/**
 * Declares, inside a `describe`, the real service on a fresh SQLite file in a temporary folder:
 * started in `beforeAll`, closed and removed in `afterAll`.
 */
export function appForTests(env: Record<string, string> = {}): AppForTests {
  const tmp = tempDir();
  const file = tmp.file('journeys.db');
  let current: TestApp | null = null;
  const started = (): TestApp => {
    if (!current) throw new Error('The app starts in beforeAll: use it inside a test or hook');
    return current;
  };
  beforeAll(async () => {
    current = await startTestApp(file, env);
  });
  afterAll(async () => {
    await current?.close();
    tmp.remove();
  });
  return {
    file,
    get app() {
      return started().app;
    },
    get url() {
      return started().url;
    },
    get bearer() {
      return started().bearer;
    },
    gql: (query, variables, authorization) => started().gql(query, variables, authorization),
    restart: async () => {
      await started().close();
      current = await startTestApp(file, env);
    },
  };
}

