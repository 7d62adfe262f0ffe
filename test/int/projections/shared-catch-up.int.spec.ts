import type Database from 'better-sqlite3';
import type { EventStore, GlobalPosition, StoredEvent } from '../../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { SqliteKeyVault } from '../../../src/personal-data/sqlite-key-vault';
import type { Projection } from '../../../src/projections/projection';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { rebuildProjection } from '../../../src/projections/rebuild-projections';
import { SharedLogReads } from '../../../src/projections/shared-log-reads';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { eventually } from '../../support/eventually';
import { holdEventLoop } from '../../support/event-loop-turns';
import { decidedJourneys, interleave, recordSealed } from '../../support/programme-journeys';
import { registeredProjections } from '../../support/registered-projections';
import {
  appendEvents,
  batchedCounts,
  checkpointOf,
  eventCounts,
  type Fault,
  faultyProjection,
  lastPosition,
  positionsSeen,
  readModel,
  replayedReadModel,
  seenPositions,
} from './test-projections';
import { runnerFiles } from './runner-files';

const DAY_MS = 24 * 60 * 60 * 1_000;

/** The real store, counting what is read from it: each readAll call, and the events it returned. */
class CountingStore implements EventStore {
  calls = 0;
  eventsRead = 0;
  /** Calls that returned events, by the position they read after. */
  readonly batchesRead = new Map<GlobalPosition, number>();

  constructor(private readonly store: EventStore) {}

  appendToStream(...args: Parameters<EventStore['appendToStream']>) {
    return this.store.appendToStream(...args);
  }
  readStream(streamId: string, afterVersion?: number) {
    return this.store.readStream(streamId, afterVersion);
  }
  headPosition() {
    return this.store.headPosition();
  }
  waitForEvents(after: GlobalPosition, signal?: AbortSignal) {
    return this.store.waitForEvents(after, signal);
  }
  readTypes(...args: Parameters<EventStore['readTypes']>) {
    return this.store.readTypes(...args);
  }
  async readAll(after: GlobalPosition, limit: number): Promise<StoredEvent[]> {
    this.calls++;
    const events = await this.store.readAll(after, limit);
    this.eventsRead += events.length;
    if (events.length > 0) this.batchesRead.set(after, (this.batchesRead.get(after) ?? 0) + 1);
    return events;
  }
}

describe('projections catching up together (int, real SQLite file)', () => {
  const files = runnerFiles('journey-shared-catch-up-');
  let db: Database.Database;
  let store: SqliteEventStore;
  beforeEach(() => ({ db, store } = files.opened()));

  function started(...args: ConstructorParameters<typeof ProjectionRunner>): ProjectionRunner {
    const runner = files.stopAfter(new ProjectionRunner(...args));
    runner.start();
    return runner;
  }

  it('reads the log once for every registered projection (store reads counted by a decorator around the real SqliteEventStore), and each read model equals a sequential rebuild', async () => {
    const keys = new SqliteKeyVault(db);
    const journeys = interleave(decidedJourneys(23, 0.05, (i) => i % 9 === 0, 2), [2, 7, 1, 8, 2, 8]);
    // Recorded a day apart, over months: the read models' month-end rows are folded too.
    await recordSealed(store, keys, journeys.map((e, i) => ({ ...e, metadata: { ...e.metadata, recordedAt: new Date(Date.UTC(2026, 0, 1, 12) + i * DAY_MS).toISOString() } })));
    const log = await store.readAll(0n, Number.MAX_SAFE_INTEGER);
    const counting = new CountingStore(store);
    const projections = registeredProjections(keys);
    const batchSize = 50;

    const runner = started(db, counting, projections, { batchSize });
    expect(await runner.waitUntilCaughtUp(lastPosition(log), 30_000)).toBe(true);
    await runner.stop();

    // Four projections, yet every event decoded once, every batch read once.
    expect(projections.length).toBe(4);
    expect(counting.eventsRead).toBe(log.length);
    expect([...counting.batchesRead.values()].every((reads) => reads === 1)).toBe(true);
    expect(counting.batchesRead.size).toBe(Math.ceil(log.length / batchSize));
    const caughtUp = projections.map((p) => readModel(db, p));
    const rebuilder = openSqliteDatabase(db.name);
    try {
      for (const projection of projections) await rebuildProjection(rebuilder, new SqliteEventStore(rebuilder), projection);
    } finally {
      rebuilder.close();
    }
    expect(projections.map((p) => readModel(db, p))).toEqual(caughtUp);
    expect(caughtUp.every((tables) => Object.values(tables).every((rows) => rows.length > 0))).toBe(true);
  });

  it('keeps the others catching up, still on one read, while one projection fails mid-log; the failing one recovers and catches up alone', async () => {
    const fault: Fault = { active: true };
    const before = await appendEvents(store, 21);
    const poisoned = await appendEvents(store, 1, { poison: true });
    const after = await appendEvents(store, 30);
    const counting = new CountingStore(store);

    const runner = started(db, counting, [eventCounts(), faultyProjection(fault), seenPositions(), batchedCounts()], {
      batchSize: 4,
      retry: { firstDelayMs: 5, maxDelayMs: 20 },
    });
    const statusOf = (name: string) => runner.status().find((s) => s.name === name)!;
    await eventually('the others caught up', () => ['event-counts', 'seen-positions', 'batched-counts'].every((name) => statusOf(name).position === lastPosition(after)));
    await eventually('the faulty one failed several times', () => statusOf('faulty').failedAttempts >= 3);

    // Stuck at the batch before the poisoned event, its retries reading that batch again: the others read each batch once.
    expect(statusOf('faulty')).toMatchObject({ position: lastPosition(before.slice(0, 20)), healthy: false });
    expect(checkpointOf(db, 'faulty')).toBe(lastPosition(before.slice(0, 20)));
    const poisonedBatch = lastPosition(before.slice(0, 20));
    expect([...counting.batchesRead].filter(([position, reads]) => position !== poisonedBatch && reads > 1)).toEqual([]);

    fault.active = false;
    expect(await runner.waitUntilCaughtUp(lastPosition(after), 10_000)).toBe(true);
    expect(statusOf('faulty')).toMatchObject({ healthy: true, failedAttempts: 0 });
    const log = [...before, ...poisoned, ...after];
    expect(positionsSeen(db, 'faulty_positions')).toEqual(log.map((e) => e.position));
    expect(positionsSeen(db)).toEqual(log.map((e) => e.position));
    expect(readModel(db, eventCounts())).toEqual(await replayedReadModel(files.fileOfTest('replay.db'), store, eventCounts()));
  });
});

describe('projections catching up, one batch per turn of the event loop (int, real SQLite file)', () => {
  const files = runnerFiles('journey-catch-up-turns-');

  it('lets a timer (standing for a request) run between any two batches folded, after the first ones read together', async () => {
    const { db, store } = files.opened();
    const events = await appendEvents(store, 40);
    const order: string[] = [];
    // Each batch holds the event loop a little, as a national batch does for a few tenths of a second.
    const noted = (projection: Projection): Projection => ({
      ...projection,
      open(opened) {
        const writer = projection.open(opened);
        return {
          apply: (event) => writer.apply(event),
          flush: () => {
            order.push(projection.name);
            holdEventLoop(2);
          },
        };
      },
    });
    const timer = setInterval(() => order.push('timer'), 0);
    try {
      const runner = files.stopAfter(new ProjectionRunner(db, store, [noted(eventCounts()), noted(seenPositions())], { batchSize: 4 }));
      runner.start();
      expect(await runner.waitUntilCaughtUp(lastPosition(events), 10_000)).toBe(true);
      await runner.stop();
    } finally {
      clearInterval(timer);
    }

    const folds = order.filter((entry) => entry !== 'timer');
    expect(folds).toHaveLength(20);
    // Folded with no timer since the fold before: only the loops' first batches, read together at start, may be.
    const backToBack = order.filter((entry, i) => i > 0 && entry !== 'timer' && order[i - 1] !== 'timer');
    expect(backToBack.length).toBeLessThanOrEqual(1);
  });
});

describe('SharedLogReads (int, real SQLite file)', () => {
  const files = runnerFiles('journey-shared-log-reads-');
  let store: SqliteEventStore;
  beforeEach(() => ({ store } = files.opened()));

  it('serves a full batch once to each reader, then reads it anew', async () => {
    await appendEvents(store, 10);
    const counting = new CountingStore(store);
    const reads = new SharedLogReads(counting, 3);

    const batches = await Promise.all([reads.readAll(0n, 4), reads.readAll(0n, 4), reads.readAll(0n, 4)]);
    expect(counting.calls).toBe(1);
    expect(new Set(batches).size).toBe(1);
    await reads.readAll(0n, 4);
    expect(counting.calls).toBe(2);
  });

  it('serves an empty read only while it is being read: a reader asking later gets the events appended since', async () => {
    const reads = new SharedLogReads(store, 2);

    expect(await reads.readAll(0n, 10)).toEqual([]);
    const appended = await appendEvents(store, 2);

    expect((await reads.readAll(0n, 10)).map((e) => e.position)).toEqual(appended.map((e) => e.position));
  });

  it('serves a short batch to the other readers too: a reader at its end then reads what was appended since', async () => {
    const first = await appendEvents(store, 3);
    const counting = new CountingStore(store);
    const reads = new SharedLogReads(counting, 2);

    expect(await reads.readAll(0n, 10)).toHaveLength(3);
    const more = await appendEvents(store, 2);

    expect(await reads.readAll(0n, 10)).toHaveLength(3);
    expect(counting.calls).toBe(1);
    expect((await reads.readAll(lastPosition(first), 10)).map((e) => e.position)).toEqual(more.map((e) => e.position));
  });

  it('keeps no more batches than readers, for a reader that stopped taking them', async () => {
    const events = await appendEvents(store, 12);
    const counting = new CountingStore(store);
    const reads = new SharedLogReads(counting, 2);
    const at = (i: number) => events[i]!.position;

    // Another reader took none of these: the oldest go, the newest stay.
    for (const after of [0n, at(1), at(3), at(5)]) await reads.readAll(after, 2);
    await reads.readAll(0n, 2);
    await reads.readAll(at(5), 2);

    expect(counting.calls).toBe(5);
  });
});
