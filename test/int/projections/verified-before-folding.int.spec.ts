import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { eventually } from '../../support/eventually';
import { heldVerifier } from '../../support/held-verifier';
import { runnerFiles } from './runner-files';
import { appendEvents, checkpointOf, eventCounts, lastPosition, readModel, replayedReadModel } from './test-projections';

describe('read models verified before anything is folded, without holding the service back (int, real SQLite file)', () => {
  const files = runnerFiles('journey-verified-first-');
  let db: Database.Database;
  let store: SqliteEventStore;
  beforeEach(() => ({ db, store } = files.opened()));

  it('makes the tables at once for readers, folds nothing until the verdict, then folds the log', async () => {
    const events = await appendEvents(store, 12);
    const verifier = heldVerifier(db);
    const projection = eventCounts();
    const runner = files.stopAfter(new ProjectionRunner(db, store, [projection], { batchSize: 5 }, verifier));
    runner.start();

    await eventually('the verifier is asked', () => verifier.asked.length === 1);
    // Readers find the tables (empty: nothing folded yet), the runner knows it has not verified them.
    expect(readModel(db, projection)).toEqual({ event_counts: [] });
    expect(runner.status()).toEqual([expect.objectContaining({ name: 'event-counts', problems: null })]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readModel(db, projection)).toEqual({ event_counts: [] });
    expect(checkpointOf(db, 'event-counts')).toBeUndefined();

    verifier.letGo();
    expect(await runner.waitUntilCaughtUp(lastPosition(events), 10_000)).toBe(true);
    expect(runner.status()).toEqual([expect.objectContaining({ problems: [] })]);
    expect(readModel(db, projection)).toEqual(await replayedReadModel(files.fileOfTest('replay.db'), store, projection));
    expect(readModel(db, projection).event_counts).toHaveLength(4);
  });

  it('stops while waiting for a verdict without calling it a failure', async () => {
    await appendEvents(store, 3);
    const verifier = heldVerifier(db);
    const runner = new ProjectionRunner(db, store, [eventCounts()], { batchSize: 5 }, verifier);
    runner.start();
    await eventually('the verifier is asked', () => verifier.asked.length === 1);

    await runner.stop();

    expect(Logger.prototype.error).not.toHaveBeenCalled();
    expect(checkpointOf(db, 'event-counts')).toBeUndefined();
  });

  it('stops while verifying again (periodically, or after a swap) without a warning: the verifier closed with the runner', async () => {
    const events = await appendEvents(store, 3);
    const verifier = heldVerifier(db);
    const runner = new ProjectionRunner(db, store, [eventCounts()], { batchSize: 5 }, verifier);
    runner.start();
    verifier.letGo();
    expect(await runner.waitUntilCaughtUp(lastPosition(events), 10_000)).toBe(true);
    verifier.holdAgain();
    const warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const again = runner.verify();
    await eventually('the verifier is asked again', () => verifier.asked.length === 2);

    await runner.stop();
    await again;

    expect(warnings).not.toHaveBeenCalled();
    expect(Logger.prototype.error).not.toHaveBeenCalled();
    expect(runner.status()).toEqual([expect.objectContaining({ problems: [] })]);
  });
});
