import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createSocket } from 'graphql-ws';
import { currentSession } from '../auth/session';

const bearer = () => {
  const session = currentSession();
  return session ? `Bearer ${session.accessToken}` : '';
};

/** The WebSocket of live figures, on the page's own origin; it presents the bearer token once, in connection_init. */
const socket = createSocket({
  url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
  lazy: true,
  connectionParams: () => ({ authorization: bearer() }),
  retryAttempts: Infinity,
});

/** A session ended or changed: the socket's token no longer holds, the next subscription opens a new one. */
export const reconnectLiveUpdates = (): void => socket.terminate();

/**
 * The API's client: queries by POST with the bearer token (the service refuses GET without a
 * preflight header, against cross-site requests), subscriptions over graphql-ws. No cache: every
 * figure shown is the service's latest answer.
 */
export const api = new Client({
  url: '/graphql',
  preferGetMethod: false,
  requestPolicy: 'network-only',
  fetchOptions: () => ({ headers: { authorization: bearer() } }),
  exchanges: [
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
});

/** The data of a query, or its error thrown. */
export async function query<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await api.query<T>(document, variables).toPromise();
  if (result.error) throw result.error;
  return result.data!;
}
