import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { type GraphQLResponse, postGraphQL } from './graphql-client';
import { tempDir } from './temp-files';
import { defaultBearer, TEST_JWT_SECRET } from './tokens';

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

/** The real service on a real SQLite file, listening on a free loopback port. */
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

