import { jsonEvent } from '@eventstore/db-client';
import { connectEventStoreDb } from '../src/event-store/esdb/esdb-connection';
import { EsdbEventStore } from '../src/event-store/esdb/esdb-event-store';
import { expectedRevisionOf } from '../src/event-store/esdb/esdb-positions';
import type { Appender, AppenderKind } from './store-appenders';

/** An appender on a client of its own, connected (its first call made) before it is timed. */
export interface EsdbAppender extends Pick<Appender, 'append'> {
  dispose(): Promise<void>;
}

/**
 * The service's EventStoreDB adapter (`appendToStream`: the append, then its events read back from
 * the leader for their positions), or the bare client's `appendToStream` of the same event with
 * the same expected revision.
 */
export async function openEsdbAppender(kind: AppenderKind, url: string): Promise<EsdbAppender> {
  const client = connectEventStoreDb(url);
  // The client connects (and asks the server's features) at its first call. Read to its end: a read
  // left early (break) keeps the client's dispose() waiting, against the double at least.
  for await (const _ of client.readAll({ maxCount: 1 }));
  if (kind === 'adapter') {
    const store = new EsdbEventStore(client);
    return {
      append: async (streamId, event, expectedVersion) => {
        await store.appendToStream(streamId, [event], expectedVersion);
      },
      dispose: () => store.close(),
    };
  }
  return {
    append: async (streamId, event, expectedVersion) => {
      await client.appendToStream(streamId, jsonEvent({ type: event.type, data: event.data, metadata: { ...event.metadata } }), {
        expectedRevision: expectedRevisionOf(expectedVersion),
      });
    },
    dispose: () => client.dispose(),
  };
}
