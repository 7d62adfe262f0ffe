import { useEffect, useState } from 'preact/hooks';
import { liveSocket } from '../api/client';

/** What a person is told of live updates: nothing while they flow, that they are paused while the socket is down, resumed once it is back. */
export type LiveConnection = 'flowing' | 'paused' | 'resumed';

/** The last subscription gone (graphql-ws closes an idle socket), and the app's own reopening with a new token: no pause to tell of. */
const UNREMARKABLE_CLOSES = new Set([1000, 4499]);

let connection: LiveConnection = 'flowing';
let followers = 0;
const connectionListeners = new Set<(connection: LiveConnection) => void>();
const reopenListeners = new Set<() => void>();

function setConnection(next: LiveConnection): void {
  if (next === connection) return;
  connection = next;
  connectionListeners.forEach((listener) => listener(next));
}

liveSocket.on('closed', (event) => {
  if (followers > 0 && !UNREMARKABLE_CLOSES.has((event as CloseEvent).code)) setConnection('paused');
});

liveSocket.on('connected', (_socket, _payload, wasRetry) => {
  if (!wasRetry) return;
  if (connection === 'paused') setConnection('resumed');
  reopenListeners.forEach((listener) => listener());
});

/**
 * Counts a view of live figures for as long as it lasts, and calls `onReopened` each time the
 * socket is open again after it dropped: what changed meanwhile was pushed to no one. Returns the
 * way to stop.
 */
export function followLiveConnection(onReopened: () => void): () => void {
  followers++;
  reopenListeners.add(onReopened);
  return () => {
    reopenListeners.delete(onReopened);
    if (--followers === 0) setConnection('flowing');
  };
}

/** The state of live updates, kept current. */
export function useLiveConnection(): LiveConnection {
  const [state, setState] = useState(connection);
  useEffect(() => {
    setState(connection);
    connectionListeners.add(setState);
    return () => void connectionListeners.delete(setState);
  }, []);
  return state;
}
