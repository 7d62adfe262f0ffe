import { type Client, type ClientOptions, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws (graphql-transport-ws protocol) subscription whose messages a test takes one by one. */
export interface Subscribed<T> {
  /** The next message pushed by the server, waiting for it if need be. */
  next(): Promise<T>;
  /** The next message if one comes within `ms`, else null (and no message is lost to the timeout). */
  nextWithin(ms: number): Promise<T | null>;
  close(): Promise<void>;
}

export function subscribe<T = Record<string, any>>(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  connectionParams: Record<string, unknown> = {},
): Subscribed<T> {
  const client = clientOf(httpUrl, connectionParams);
  const subscription = subscribeOn<T>(client, query, variables);
  return {
    ...subscription,
    close: async () => {
      await subscription.close();
      await client.dispose();
    },
  };
}

function clientOf(httpUrl: string, connectionParams: Record<string, unknown>, on: ClientOptions['on'] = {}): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    // Failures reach the subscription's sink; the default would also print them.
    onNonLazyError: () => undefined,
    on,
  });
}

/** A subscription on a client a test may run other operations on. */
function subscribeOn<T>(client: Client, query: string, variables: Record<string, unknown>): Subscribed<T> {
  const received: T[] = [];
  let waiter: { resolve(value: T): void; reject(error: unknown): void } | null = null;
  let failure: unknown = null;
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (message) => {
        if (waiter) waiter.resolve(message as T);
        else received.push(message as T);
        waiter = null;
      },
      error: (error) => {
        failure = error;
        waiter?.reject(error);
        waiter = null;
      },
      complete: () => undefined,
    },
  );
  const next = (): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (received.length > 0) return resolve(received.shift()!);
      if (failure !== null) return reject(failure);
      waiter = { resolve, reject };
    });
  return {
    next,
    nextWithin: (ms) =>
      new Promise<T | null>((resolve, reject) => {
        if (received.length > 0) return resolve(received.shift()!);
        if (failure !== null) return reject(failure);
        const timer = setTimeout(() => {
          waiter = null;
          resolve(null);
        }, ms);
        waiter = {
          resolve: (value) => (clearTimeout(timer), resolve(value)),
          reject: (error) => (clearTimeout(timer), reject(error)),
        };
      }),
    close: async () => unsubscribe(),
  };
}

/** How a socket closed. */
export interface Closed {
  code: number;
  reason: string;
}

/** One graphql-ws socket a test runs several operations on. */
export interface TestSocket {
  /** Resolves once the server has acknowledged connection_init. */
  connected: Promise<void>;
  /** How the socket closed, once it has (the first socket of the client, not a reconnection's). */
  closed: Promise<Closed>;
  subscribe<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Subscribed<T>;
  /** A query or mutation: its one result (data or errors); rejects with the close event if the socket closes first. */
  execute<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** A socket that connects at once with `connectionParams`, and does not reconnect by itself. */
export function openSocket(httpUrl: string, connectionParams: Record<string, unknown>): TestSocket {
  let onConnected: () => void;
  let onClosed: (closed: Closed) => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const closed = new Promise<Closed>((resolve) => (onClosed = resolve));
  const client = clientOf(httpUrl, connectionParams, {
    connected: () => onConnected(),
    closed: (event) => onClosed({ code: (event as Closed).code, reason: String((event as Closed).reason) }),
  });
  return {
    connected,
    closed,
    subscribe: (query, variables = {}) => subscribeOn(client, query, variables),
    execute: <T>(query: string, variables = {}) => subscribeOn<T>(client, query, variables).next(),
    close: async () => {
      await client.dispose();
    },
  };
}
