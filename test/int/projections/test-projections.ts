import Database from 'better-sqlite3';
import type { EventStore, GlobalPosition, StoredEvent } from '../../../src/event-store/event-store.port';
import { BatchRecords } from '../../../src/projections/batch-records';
import { foldEvents } from '../../../src/projections/fold-events';
import type { Projection, ProjectionWriter } from '../../../src/projections/projection';
import { event, newStreamId } from '../../support/event-store-contract';

/** Events per type; its topics are the types it counted, one per event, so that the runner has duplicates to merge. */
export const eventCounts = (name = 'event-counts'): Projection => {
  const table = name.replaceAll('-', '_');
  return {
    name,
    tables: [table],
    open(db) {
      db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (type TEXT PRIMARY KEY, count INTEGER NOT NULL) STRICT`);
      const count = db.prepare<[string]>(
        `INSERT INTO "${table}" (type, count) VALUES (?, 1) ON CONFLICT (type) DO UPDATE SET count = count + 1`,
      );
      return {
        apply: (e) => {
          count.run(e.type);
          return [`type:${e.type}`];
        },
      };
    },
  };
};

/**
 * Every position it was given, duplicates kept (no key on position): a gap or a repeat shows.
 * Two tables, the second referencing the first, as a real projection's may.
 */
export const seenPositions = (): Projection => ({
  name: 'seen-positions',
  tables: ['seen_streams', 'seen_positions'],
  open(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS seen_streams (stream_id TEXT PRIMARY KEY, events INTEGER NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS seen_positions (
        position INTEGER NOT NULL,
        stream_id TEXT NOT NULL REFERENCES seen_streams (stream_id)
      ) STRICT;
    `);
    const stream = db.prepare<[string]>(
      'INSERT INTO seen_streams (stream_id, events) VALUES (?, 1) ON CONFLICT (stream_id) DO UPDATE SET events = events + 1',
    );
    const position = db.prepare<[bigint, string]>('INSERT INTO seen_positions (position, stream_id) VALUES (?, ?)');
    return {
      apply: (e) => {
        stream.run(e.streamId);
        position.run(e.position, e.streamId);
        return [];
      },
    };
  },
});

/** The positions of job starts only, which it names as the one type it reads: a rebuild leaves the others undecoded. */
export const jobPositions = (): Projection => ({
  name: 'job-positions',
  tables: ['job_positions'],
  readsTypes: new Set(['JobStarted']),
  open(db) {
    db.exec('CREATE TABLE IF NOT EXISTS job_positions (position INTEGER NOT NULL) STRICT');
    const insert = db.prepare<[bigint]>('INSERT INTO job_positions (position) VALUES (?)');
    return {
      apply: (e) => {
        if (e.type !== 'JobStarted') return [];
        insert.run(e.position);
        return [`position:${e.position}`];
      },
    };
  },
});

/** Switched on and off by the test. */
export interface Fault {
  active: boolean;
}

export const FAULT_MESSAGE = 'the read model refused this event';

/**
 * Records positions like seenPositions, but throws on any event whose data says `poison`, while
 * the fault is active; it writes its row first, so that a rollback is what keeps the row out.
 */
export const faultyProjection = (fault: Fault): Projection => ({
  name: 'faulty',
  tables: ['faulty_positions'],
  open(db): ProjectionWriter {
    db.exec('CREATE TABLE IF NOT EXISTS faulty_positions (position INTEGER NOT NULL) STRICT');
    const insert = db.prepare<[bigint]>('INSERT INTO faulty_positions (position) VALUES (?)');
    return {
      apply: (e) => {
        insert.run(e.position);
        if (fault.active && e.data.poison === true) throw new Error(FAULT_MESSAGE);
        return [`position:${e.position}`];
      },
    };
  },
});

/** Where a batchedCounts projection fails while set: on an event whose data says `poison`, or when writing at the flush. */
export interface BatchFault {
  failing: 'apply' | 'flush' | null;
}

/**
 * Events per stream, counted in memory over a batch and written once at its end, with how many
 * times each stream's row was written. While its fault is set it throws after counting a poison
 * event, or on writing the first row of the flush: either way some of the batch is held in memory.
 */
export const batchedCounts = (fault: BatchFault = { failing: null }): Projection => ({
  name: 'batched-counts',
  tables: ['batched_counts'],
  open(db): ProjectionWriter {
    db.exec('CREATE TABLE IF NOT EXISTS batched_counts (stream_id TEXT PRIMARY KEY, events INTEGER NOT NULL, writes INTEGER NOT NULL) STRICT');
    const select = db.prepare<[string], number>('SELECT events FROM batched_counts WHERE stream_id = ?').pluck();
    const save = db.prepare<[string, number]>(
      `INSERT INTO batched_counts (stream_id, events, writes) VALUES (?, ?, 1)
       ON CONFLICT (stream_id) DO UPDATE SET events = excluded.events, writes = writes + 1`,
    );
    const counts = new BatchRecords<number>(
      (streamId) => select.get(streamId),
      (streamId, events) => {
        if (fault.failing === 'flush') throw new Error(FAULT_MESSAGE);
        save.run(streamId, events);
      },
    );
    return {
      apply: (e) => {
        counts.set(e.streamId, (counts.get(e.streamId) ?? 0) + 1);
        if (fault.failing === 'apply' && e.data.poison === true) throw new Error(FAULT_MESSAGE);
        return [];
      },
      flush: () => counts.flush(),
      discard: () => counts.discard(),
    };
  },
});

export function batchedCountsOf(db: Database.Database): Record<string, { events: number; writes: number }> {
  const rows = db.prepare<[], { stream_id: string; events: number; writes: number }>('SELECT * FROM batched_counts').all();
  return Object.fromEntries(rows.map(({ stream_id, events, writes }) => [stream_id, { events, writes }]));
}

/** Every row of every table of the projection, in a stable order, for comparisons. */
export function readModel(db: Database.Database, projection: Projection): Record<string, unknown[]> {
  return Object.fromEntries(
    projection.tables.map((table) => {
      const rows = db.prepare(`SELECT * FROM "${table}"`).all();
      return [table, rows.map((row) => JSON.stringify(row)).sort()];
    }),
  );
}

export function positionsSeen(db: Database.Database, table = 'seen_positions'): bigint[] {
  return db.prepare<[], bigint>(`SELECT position FROM "${table}" ORDER BY position`).pluck().safeIntegers().all();
}

export function checkpointOf(db: Database.Database, name: string): bigint | undefined {
  return db.prepare<[string], bigint>('SELECT position FROM projection_checkpoints WHERE name = ?').pluck().safeIntegers().get(name);
}

const TYPES = ['ParticipantEnrolled', 'CoachingSessionHeld', 'ActivityStarted', 'JobStarted'];

/** `count` events over a few streams, of a few types; `data` goes into every one. */
export async function appendEvents(store: EventStore, count: number, data: Record<string, unknown> = {}): Promise<StoredEvent[]> {
  const stored: StoredEvent[] = [];
  const streams = [newStreamId(), newStreamId(), newStreamId()];
  const versions = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const streamId = streams[i % streams.length]!;
    const version = versions.get(streamId) ?? 0;
    const result = await store.appendToStream(streamId, [event(TYPES[i % TYPES.length]!, { i, ...data })], version);
    versions.set(streamId, result.nextVersion);
    stored.push(...result.events);
  }
  return stored;
}

/** The read model a fresh replay of the whole log gives, in a file of its own: the reference. */
export async function replayedReadModel(file: string, store: EventStore, projection: Projection): Promise<Record<string, unknown[]>> {
  const db = new Database(file);
  try {
    const writer = projection.open(db);
    const events = await store.readAll(0n, Number.MAX_SAFE_INTEGER);
    db.transaction(() => foldEvents(writer, events, 0n))();
    return readModel(db, projection);
  } finally {
    db.close();
  }
}

export const lastPosition = (events: readonly StoredEvent[]): GlobalPosition => events.at(-1)!.position;
