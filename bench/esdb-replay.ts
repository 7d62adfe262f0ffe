import { WrongExpectedVersionError } from '@eventstore/db-client';
import { connectEventStoreDb } from '../src/event-store/esdb/esdb-connection';
import { toEventData } from '../src/event-store/esdb/esdb-events';
import { EsdbEventStore } from '../src/event-store/esdb/esdb-event-store';
import { expectedRevisionOf } from '../src/event-store/esdb/esdb-positions';
import { type GlobalPosition, START_OF_LOG, type StoredEvent } from '../src/event-store/event-store.port';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { openSqliteDatabase } from '../src/storage/sqlite-database';
import { openReadModelFile } from '../src/storage/read-model-file';
import { SqliteKeyVault } from '../src/personal-data/sqlite-key-vault';
import { logAfter } from './log-after';
import { readWhole, type ReplayFigures, replayEach } from './replay';

export type EsdbReplayFigures = Omit<ReplayFigures, 'caseFilesStorage'> & {
  /** Events copied into EventStoreDB, and how long the copy took (not a figure: the bench's own writing). */
  copied: { events: number; seconds: number };
};

/**
 * Copies the first `events` events of the SQLite log `logFile` (whole appends, so at least that
 * many) into the EventStoreDB at `url`, then rebuilds every projection in `readModelFile` from
 * them through the adapter, as a replica rebuilds its read models from the cluster's log.
 */
export async function benchEsdbReplay(logFile: string, url: string, events: number, readModelFile: string): Promise<EsdbReplayFigures> {
  const store = new EsdbEventStore(connectEventStoreDb(url));
  const db = openReadModelFile(readModelFile);
  // The participants' keys stay in the SQLite file the events were copied from: the replay reads them there, not from the cluster.
  const keysDb = openSqliteDatabase(logFile);
  try {
    const base = await store.headPosition();
    const started = performance.now();
    const copied = await copyLog(logFile, url, events);
    const seconds = (performance.now() - started) / 1_000;
    const log = logAfter(store, base);
    // Once untimed: the first read of a client is slower than the next (a replica's client is warm).
    await readWhole(log);
    const replayed = await replayEach(db, log, new SqliteKeyVault(keysDb));
    if (replayed.events !== copied) throw new Error(`The replay read ${replayed.events} events of the ${copied} copied into EventStoreDB`);
    return { ...replayed, copied: { events: copied, seconds } };
  } finally {
    keysDb.close();
    db.close();
    await store.close();
  }
}

/** Appends the log's events as they were appended (a command's events at once, in the log's order) with the bare client; answers how many. */
async function copyLog(logFile: string, url: string, atLeast: number): Promise<number> {
  const source = openSqliteDatabase(logFile);
  const client = connectEventStoreDb(url);
  try {
    const log = new SqliteEventStore(source);
    let position: GlobalPosition = START_OF_LOG;
    let copied = 0;
    let append: StoredEvent[] = [];
    const flush = async () => {
      if (append.length === 0) return;
      const [first] = append;
      try {
        await client.appendToStream(first.streamId, append.map(toEventData), { expectedRevision: expectedRevisionOf(first.version - 1) });
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) throw new Error(`${first.streamId} is already in EventStoreDB: the replay rows need a server without the bench's participants`);
        throw error;
      }
      copied += append.length;
      append = [];
    };
    for (;;) {
      const batch = await log.readAll(position, 10_000);
      if (batch.length === 0) break;
      for (const event of batch) {
        const last = append.at(-1);
        if (last && (last.streamId !== event.streamId || last.metadata.commandId !== event.metadata.commandId)) {
          await flush();
          if (copied >= atLeast) return copied;
        }
        append.push(event);
      }
      position = batch.at(-1)!.position;
    }
    await flush();
    return copied;
  } finally {
    source.close();
    await client.dispose();
  }
}
