import { Client, fetchExchange } from '@urql/core';
import { createClient as createSocket } from 'graphql-ws';
import { currentSession } from '../auth/session';

const bearer = () => {
  const session = currentSession();
  return session ? `Bearer ${session.accessToken}` : '';
};

/** Longest wait between two attempts to reopen the live socket: a person watching figures sees them resume soon after the service does. */
const MAX_RETRY_WAIT_MS = 10_000;

/**
 * The WebSocket of live figures, on the page's own origin; it presents the bearer token once, in
 * connection_init. Reopened for as long as figures follow it, with a random wait doubling up to
 * MAX_RETRY_WAIT_MS (graphql-ws's own doubles without end: after an hour away, a page would wait
 * hours).
 */
export const liveSocket = createSocket({
  url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
  lazy: true,
  connectionParams: () => ({ authorization: bearer() }),
  retryAttempts: Infinity,
  retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(MAX_RETRY_WAIT_MS, 500 * 2 ** retries) * (0.5 + Math.random() / 2))),
});

/** A session ended or changed: the socket's token no longer holds, its subscriptions go on over a new one. */
export const reconnectLiveUpdates = (): void => liveSocket.terminate();

/**
 * The API's client for queries: by POST with the bearer token (the service refuses GET without a
 * preflight header, against cross-site requests). No cache: every figure shown is the service's
 * latest answer. Live figures go over `liveSocket` (web/src/dashboards/live-operations.ts).
 */
export const api = new Client({
  url: '/graphql',
  preferGetMethod: false,
  requestPolicy: 'network-only',
  fetchOptions: () => ({ headers: { authorization: bearer() } }),
  exchanges: [fetchExchange],
});

/** The data of a query, or its error thrown. */
export async function query<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await api.query<T>(document, variables).toPromise();
  if (result.error) throw result.error;
  return result.data!;
}
