import type { StoredEvent } from '../../../src/event-store/event-store.port';
import type { Projection } from '../../../src/projections/projection';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { projectionCatchingUp } from '../../../src/read-side/life-paths/catching-up';
import { appendEvents, lastPosition, seenPositions } from '../projections/test-projections';
import { runnerFiles } from '../projections/runner-files';

describe('whether a projection is catching up, as its runner tells (int, real SQLite file)', () => {
  const files = runnerFiles('journey-catching-up-');
  const BATCH = 4;

  /** seenPositions, telling `during` for each event it folds whether the runner then says it is catching up. */
  const watched = (during: (event: StoredEvent) => void): Projection => {
    const base = seenPositions();
    return {
      ...base,
      open(db) {
        const writer = base.open(db);
        return { ...writer, apply: (event) => (during(event), writer.apply(event)) };
      },
    };
  };

  it('is while its reads of the log fill whole batches, and is not once one comes back short, nor after events appended since', async () => {
    const { db, store } = files.opened();
    const log = await appendEvents(store, 3 * BATCH + 2);
    const told = new Map<bigint, boolean>();
    const runner = files.stopAfter(
      new ProjectionRunner(db, store, [watched((event) => told.set(event.position, catchingUp()))], { batchSize: BATCH, retry: { firstDelayMs: 5, maxDelayMs: 40 } }),
    );
    const catchingUp = projectionCatchingUp(runner, 'seen-positions');
    // Before its first read, it cannot know how far behind it is: catching up, until shown otherwise.
    expect(catchingUp()).toBe(true);

    runner.start();
    expect(await runner.waitUntilCaughtUp(lastPosition(log), 10_000)).toBe(true);
    const appended = await appendEvents(store, 2);
    expect(await runner.waitUntilCaughtUp(lastPosition(appended), 10_000)).toBe(true);

    // Three full batches, then a short one (2 events), then the 2 appended.
    expect([...told.values()]).toEqual([...Array<boolean>(3 * BATCH).fill(true), false, false, false, false]);
    expect(catchingUp()).toBe(false);
  });

  it('is not, for a projection the runner does not run', () => {
    const { db, store } = files.opened();
    const runner = files.stopAfter(new ProjectionRunner(db, store, [seenPositions()]));
    expect(projectionCatchingUp(runner, 'outcomes')()).toBe(false);
  });
});
