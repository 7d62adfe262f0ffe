import type Database from 'better-sqlite3';
import type { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { EventApplyFailed, foldEvents } from '../../../src/projections/fold-events';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { runnerFiles } from './runner-files';
import {
  appendEvents,
  type BatchFault,
  batchedCounts,
  batchedCountsOf,
  checkpointOf,
  FAULT_MESSAGE,
  lastPosition,
  readModel,
  replayedReadModel,
} from './test-projections';
import { eventually } from '../../support/eventually';

describe('a projection writer that keeps what a batch changes in memory and flushes it at the end (int, real SQLite file)', () => {
  const files = runnerFiles('journey-batch-flush-');
  let db: Database.Database;
  let store: SqliteEventStore;
  beforeEach(() => ({ db, store } = files.opened()));

  const runner = (fault: BatchFault, batchSize: number): ProjectionRunner =>
    files.stopAfter(new ProjectionRunner(db, store, [batchedCounts(fault)], { batchSize, retry: { firstDelayMs: 5, maxDelayMs: 40 } }));
  const failedAttempts = (r: ProjectionRunner): number => r.status()[0]!.failedAttempts;
  const replayed = () => replayedReadModel(files.fileOfTest('replay.db'), store, batchedCounts());

  it('writes each record once a batch, however many of its events change it', async () => {
    const events = await appendEvents(store, 12);
    const writer = batchedCounts().open(db);

    db.transaction(() => foldEvents(writer, events.slice(0, 9), 0n))();
    db.transaction(() => foldEvents(writer, events.slice(9), 0n))();

    // Three streams, four events each: three in the first batch, one in the second.
    expect(Object.values(batchedCountsOf(db))).toEqual([
      { events: 4, writes: 2 },
      { events: 4, writes: 2 },
      { events: 4, writes: 2 },
    ]);
  });

  it('keeps nothing of a batch whose transaction rolls back after the flush: folding it again writes it once', async () => {
    const events = await appendEvents(store, 6);
    const writer = batchedCounts().open(db);
    const foldThen = (after: () => void) =>
      db.transaction(() => {
        foldEvents(writer, events, 0n);
        after();
      })();

    expect(() => foldThen(() => {
      throw new Error('the checkpoint could not be written');
    })).toThrow('the checkpoint could not be written');
    foldThen(() => undefined);

    expect(readModel(db, batchedCounts())).toEqual(await replayed());
  });

  it('discards what it held of a batch that failed on an event: the retry folds every event in once', async () => {
    const fault: BatchFault = { failing: 'apply' };
    const events = [...(await appendEvents(store, 6)), ...(await appendEvents(store, 1, { poison: true })), ...(await appendEvents(store, 2))];
    const writer = batchedCounts(fault).open(db);
    const fold = () => db.transaction(() => foldEvents(writer, events, 0n))();

    expect(fold).toThrow(EventApplyFailed);
    expect(fold).toThrow(FAULT_MESSAGE);
    fault.failing = null;
    fold();

    expect(readModel(db, batchedCounts())).toEqual(await replayed());
    expect(Object.values(batchedCountsOf(db)).every(({ writes }) => writes === 1)).toBe(true);
  });

  it('in the runner, retries a batch that failed on an event from what is committed, not from what the failed attempt held', async () => {
    const fault: BatchFault = { failing: 'apply' };
    const events = [...(await appendEvents(store, 6)), ...(await appendEvents(store, 1, { poison: true })), ...(await appendEvents(store, 2))];
    const r = runner(fault, 100);

    r.start();
    await eventually('the batch fails twice', () => failedAttempts(r) >= 2);
    expect(batchedCountsOf(db)).toEqual({});
    expect(checkpointOf(db, 'batched-counts')).toBeUndefined();

    fault.failing = null;
    expect(await r.waitUntilCaughtUp(lastPosition(events), 10_000)).toBe(true);
    expect(readModel(db, batchedCounts())).toEqual(await replayed());
  });

  it('in the runner, rolls back a batch whose flush fails together with its checkpoint, and writes it on the retry', async () => {
    const fault: BatchFault = { failing: null };
    const first = await appendEvents(store, 4);
    const r = runner(fault, 100);
    r.start();
    expect(await r.waitUntilCaughtUp(lastPosition(first), 10_000)).toBe(true);
    const committed = batchedCountsOf(db);

    fault.failing = 'flush';
    const second = await appendEvents(store, 5);
    await eventually('the flush fails twice', () => failedAttempts(r) >= 2);
    expect(batchedCountsOf(db)).toEqual(committed);
    expect(checkpointOf(db, 'batched-counts')).toBe(lastPosition(first));

    fault.failing = null;
    expect(await r.waitUntilCaughtUp(lastPosition(second), 10_000)).toBe(true);
    expect(readModel(db, batchedCounts())).toEqual(await replayed());
  });
});
