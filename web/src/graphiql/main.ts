import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql-page.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { startSession } from '../auth/session';

/**
 * GraphiQL for development, bundled from the `graphiql` package and served by the service itself
 * (it works offline, nothing from another origin). A session signed in to the app lends its token.
 */
async function main(): Promise<void> {
  const session = await startSession().catch(() => null);
  const fetcher = createGraphiQLFetcher({
    url: '/graphql',
    subscriptionUrl: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    wsConnectionParams: session ? { authorization: `Bearer ${session.accessToken}` } : {},
  });
  const defaultQuery = '# A session signed in to the app lends its token (Headers, below).\n{ cities { code name programmes { code name } } }\n';
  const headers = JSON.stringify({ authorization: session ? `Bearer ${session.accessToken}` : 'Bearer <token>' }, null, 2);
  createRoot(document.getElementById('graphiql')!).render(createElement(GraphiQL, { fetcher, defaultQuery, initialHeaders: headers, shouldPersistHeaders: false }));
}

void main();
