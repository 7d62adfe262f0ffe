import { EventStoreDBClient, StreamDeletedError, StreamNotFoundError } from '@eventstore/db-client';
import { type EsdbDouble, startEsdbDouble } from './esdb-double/esdb-double';

/** A real EventStoreDB to run the tests against instead of the double, e.g. esdb://localhost:2113?tls=false. */
const REAL_SERVER_URL = process.env.EVENTSTORE_TEST_URL || null;

/** What the tests run against, to name them by. */
export const ESDB_UNDER_TEST = REAL_SERVER_URL
  ? 'a real EventStoreDB server (EVENTSTORE_TEST_URL)'
  : 'the protocol double (no server runs here)';

/** `describe` for tests that inject faults through the double, skipped against a real server. */
export const describeOnDouble: jest.Describe = REAL_SERVER_URL ? describe.skip : describe;

export interface EsdbUnderTest {
  /** esdb:// connection string of it. */
  url: string;
  /** The double, for fault injection; null against a real server. */
  double: EsdbDouble | null;
  /** Whether the stream is tombstoned (hard-deleted). */
  isTombstoned(streamId: string): Promise<boolean>;
  stop(): Promise<void>;
}

/** The double of EventStoreDB's protocol, started on a free port; or the real server of EVENTSTORE_TEST_URL when set. */
export async function startEsdbUnderTest(): Promise<EsdbUnderTest> {
  if (REAL_SERVER_URL) return realServer(REAL_SERVER_URL);
  const double = await startEsdbDouble();
  return { url: double.url, double, isTombstoned: async (streamId) => double.isTombstoned(streamId), stop: () => double.stop() };
}

function realServer(url: string): EsdbUnderTest {
  const client = EventStoreDBClient.connectionString(url);
  return {
    url,
    double: null,
    isTombstoned: async (streamId) => {
      try {
        for await (const _ of client.readStream(streamId, { maxCount: 1 })) break;
        return false;
      } catch (error) {
        if (error instanceof StreamNotFoundError) return false;
        if (error instanceof StreamDeletedError) return true;
        throw error;
      }
    },
    stop: () => client.dispose(),
  };
}
