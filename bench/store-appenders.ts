import Database from 'better-sqlite3';
import type { NewEvent } from '../src/event-store/event-store.port';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { openSqliteDatabase } from '../src/storage/sqlite-database';

export type AppenderKind = 'adapter' | 'raw';

/** Appends one event to a stream at an expected version; one transaction, committed (fsync) before it resolves. */
export interface Appender {
  append(streamId: string, event: NewEvent, expectedVersion: number): Promise<void> | void;
  close(): void;
}

/**
 * The service's SQLite adapter, or raw better-sqlite3 doing the same transaction on the same schema
 * and connection settings (WAL, synchronous=FULL, foreign keys): BEGIN IMMEDIATE, the version check
 * as one UPDATE (or the stream's INSERT), the event's INSERT, COMMIT.
 */
export function openAppender(kind: AppenderKind, file: string): Appender {
  const db = openSqliteDatabase(file);
  // The adapter creates the schema: the baseline writes the very same tables.
  const store = new SqliteEventStore(db);
  if (kind === 'adapter') {
    return {
      append: async (streamId, event, expectedVersion) => {
        await store.appendToStream(streamId, [event], expectedVersion);
      },
      close: () => db.close(),
    };
  }
  return rawAppender(db);
}

function rawAppender(db: Database.Database): Appender {
  const create = db.prepare<[string, number]>('INSERT INTO streams (stream_id, version) VALUES (?, ?) ON CONFLICT (stream_id) DO NOTHING');
  const advance = db.prepare<[number, string, number]>('UPDATE streams SET version = ? WHERE stream_id = ? AND version = ?');
  const insert = db.prepare<[string, number, string, string, string]>(
    'INSERT INTO events (stream_id, version, type, data, metadata) VALUES (?, ?, ?, ?, ?)',
  );
  const append = db.transaction((streamId: string, event: NewEvent, expectedVersion: number) => {
    const claimed = expectedVersion === 0 ? create.run(streamId, 1) : advance.run(expectedVersion + 1, streamId, expectedVersion);
    if (claimed.changes === 0) throw new Error(`${streamId} is not at version ${expectedVersion}`);
    insert.run(streamId, expectedVersion + 1, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
  });
  return {
    append: (streamId, event, expectedVersion) => {
      append.immediate(streamId, event, expectedVersion);
    },
    close: () => db.close(),
  };
}

/** A coaching session as the API records it: note sealed, metadata as the command handler sets it. */
export function coachingEvent(streamId: string, i: number): NewEvent {
  return {
    type: 'CoachingSessionHeld',
    data: {
      participantId: streamId,
      occurredOn: '2008-03-17',
      mode: 'INDIVIDUAL',
      durationMinutes: 60,
      note: 'pd1:3q2+7w8Zc1l0t9xq0pX7oQ1b0ZkqJ3m2S6m0w2c8v0Yx9b1a4n5m6k7j8h9g0f1e2d3c4b5a6Z7Y8X9W0V1U2T3S4R5Q6P7O8N9M0L',
    },
    metadata: { recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(), recordedBy: 'bench-adviser', commandId: `bench-${i}` },
  };
}

/**
 * One writer's share: `appends` single-event appends spread round-robin over its own `streams`
 * streams, each with the version it expects. Answers the appends made. `writer` names its streams:
 * unique among the writers of one store.
 */
export async function appendMany(appender: Pick<Appender, 'append'>, writer: number | string, appends: number, streams: number): Promise<number> {
  const versions = new Array<number>(streams).fill(0);
  for (let i = 0; i < appends; i++) {
    const s = i % streams;
    const streamId = `participant-bench-${writer}-${s}`;
    await appender.append(streamId, coachingEvent(streamId, i), versions[s]);
    versions[s] += 1;
  }
  return appends;
}
