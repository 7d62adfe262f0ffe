import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Where the EventStoreDB rows run: a real server, or the double of its protocol. */
export interface EsdbTarget {
  /** esdb:// connection string. */
  url: string;
  /** What the figures measure, for the rows' titles. */
  label: string;
  /** Whether it is the double, which measures the adapter and the client, not a server. */
  double: boolean;
  stop(): Promise<void>;
}

const DOUBLE_WORKER = join(__dirname, 'esdb-double-worker.js');

/**
 * The EventStoreDB of EVENTSTORE_TEST_URL when it is set (the double is not started then); else the
 * test double of its gRPC protocol (test/support/esdb-double), events in memory, in a worker thread.
 */
export async function openEsdbTarget(): Promise<EsdbTarget> {
  const url = process.env.EVENTSTORE_TEST_URL;
  if (url) return { url, label: `EventStoreDB at ${withoutCredentials(url)} (EVENTSTORE_TEST_URL)`, double: false, stop: async () => undefined };
  const worker = new Worker(DOUBLE_WORKER);
  const answer = <T>(key: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        if (m.error !== undefined) reject(new Error(`The EventStoreDB double failed: ${String(m.error)}`));
        else if (m[key] !== undefined) resolve(m[key] as T);
        else return;
        worker.off('message', onMessage);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  try {
    const doubleUrl = await answer<string>('url');
    return {
      url: doubleUrl,
      label: 'the EventStoreDB double (the adapter and the client over gRPC on loopback, no server)',
      double: true,
      stop: async () => {
        const stopped = answer<boolean>('stopped');
        worker.postMessage('stop');
        await stopped;
        await worker.terminate();
      },
    };
  } catch (error) {
    await worker.terminate();
    throw error;
  }
}

/** A connection string as it may be shown: user and password left out. */
const withoutCredentials = (url: string): string => url.replace(/\/\/[^@/]*@/, '//');
