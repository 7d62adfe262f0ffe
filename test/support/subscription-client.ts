import { createClient, type Client } from 'graphql-ws';
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
  const client: Client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    // Failures reach the subscription's sink; the default would also print them.
    onNonLazyError: () => undefined,
  });
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
    close: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
}
