import { CombinedError } from '@urql/core';
import type { GraphQLFormattedError } from 'graphql';
import { liveSocket } from '../api/client';

/** What graphql-ws fails an operation with, as the app's other requests fail (ErrorMessage reads its code). */
function asCombinedError(error: unknown): CombinedError {
  if (Array.isArray(error)) return new CombinedError({ graphQLErrors: error as GraphQLFormattedError[] });
  return new CombinedError({ networkError: error instanceof Error ? error : new Error(`The live connection closed (${String((error as Partial<CloseEvent> | undefined)?.code ?? error)})`) });
}

/**
 * Runs an operation over the live socket: `onData` gets each result (a subscription's pushes, a
 * query's answer), `onError` a failure; graphql-ws sends a subscription again on every new socket,
 * and holds an operation while the socket is down. Operations reach the service in the order
 * they are started here (docs/web-app.md, "Live figures"). Returns the way to stop.
 */
export function liveOperation<T>(document: string, variables: Record<string, unknown>, onData: (data: T) => void, onError: (error: CombinedError) => void): () => void {
  return liveSocket.subscribe<T>(
    { query: document, variables },
    {
      next: (result) => (result.errors?.length ? onError(asCombinedError(result.errors)) : onData(result.data as T)),
      error: (error) => onError(asCombinedError(error)),
      complete: () => undefined,
    },
  );
}

