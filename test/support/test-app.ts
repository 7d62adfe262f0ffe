import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { type GraphQLResponse, postGraphQL } from './graphql-client';

export interface TestApp {
  app: INestApplication;
  /** The GraphQL endpoint over real HTTP on loopback. */
  url: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real service on a real SQLite file, listening on a free loopback port. */
export async function startTestApp(databaseFile: string, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ EVENT_STORE_URL: `sqlite:${databaseFile}`, PORT: '0', NODE_ENV: 'test', ...env });
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`;
  return {
    app,
    url,
    gql: (query, variables) => postGraphQL(url, query, variables),
    close: () => app.close(),
  };
}
