import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { firstValueFrom } from 'rxjs';
import type { EventStore, StoredEvent } from '../../../src/event-store/event-store.port';
import type { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import type { Projection } from '../../../src/projections/projection';
import { type ProjectionChange, ProjectionRunner, type ProjectionRunnerOptions } from '../../../src/projections/projection-runner';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { event, newStreamId } from '../../support/event-store-contract';
import {
  appendEvents,
  checkpointOf,
  eventCounts,
  FAULT_MESSAGE,
  type Fault,
  faultyProjection,
  lastPosition,
  positionsSeen,
  readModel,
  replayedReadModel,
  seenPositions,
} from './test-projections';
import { runnerFiles } from './runner-files';
import { eventually } from '../../support/eventually';
import { countTurns } from '../../support/event-loop-turns';

describe('ProjectionRunner (int, real SQLite file)', () => {
  const files = runnerFiles('journey-projection-runner-');
  let db: Database.Database;
  let store: SqliteEventStore;
  beforeEach(() => ({ db, store } = files.opened()));
  const connections: Database.Database[] = [];
  afterEach(() => {
    for (const c of connections.splice(0)) c.close();
  });

  /** A runner on the test's connection; stopped after the test. Small batches, so that catching up takes several. */
  const runner = (projections: Projection[], options: Partial<ProjectionRunnerOptions> = {}, on: EventStore = store): ProjectionRunner =>
    files.stopAfter(new ProjectionRunner(db, on, projections, { batchSize: 4, retry: { firstDelayMs: 5, maxDelayMs: 40 }, ...options }));

  /** Another connection to the test's file, as another process would open it. */
  function connect(): Database.Database {
    const other = openSqliteDatabase(db.name);
    connections.push(other);
    return other;
  }

  const statusOf = (r: ProjectionRunner, name: string) => r.status().find((s) => s.name === name)!;

  it('catches up from an existing log, batch after batch, and checkpoints the head', async () => {
    const events = await appendEvents(store, 23);
    const r = runner([eventCounts(), seenPositions()]);

    r.start();

    expect(await r.waitUntilCaughtUp(lastPosition(events), 10_000)).toBe(true);
    expect(positionsSeen(db)).toEqual(events.map((e) => e.position));
    expect(readModel(db, eventCounts())).toEqual(await replayedReadModel(files.fileOfTest('replay.db'), store, eventCounts()));
    expect(checkpointOf(db, 'event-counts')).toBe(lastPosition(events));
    expect(checkpointOf(db, 'seen-positions')).toBe(lastPosition(events));
    expect(r.status()).toEqual([
      { name: 'event-counts', position: lastPosition(events), healthy: true, lastError: null, failedAttempts: 0, problems: [], catchingUp: false },
      { name: 'seen-positions', position: lastPosition(events), healthy: true, lastError: null, failedAttempts: 0, problems: [], catchingUp: false },
    ]);
  });

  it('follows events appended after it caught up', async () => {
    const r = runner([seenPositions()]);
    r.start();
    expect(await r.waitUntilCaughtUp(0n, 1_000)).toBe(true);

    const first = await appendEvents(store, 3);
    expect(await r.waitUntilCaughtUp(lastPosition(first), 10_000)).toBe(true);
    const second = await appendEvents(store, 6);
    expect(await r.waitUntilCaughtUp(lastPosition(second), 10_000)).toBe(true);

    expect(positionsSeen(db)).toEqual([...first, ...second].map((e) => e.position));
  });

  it('commits a batch and its checkpoint together: an event failing mid-batch leaves neither its batch nor the checkpoint written', async () => {
    const fault: Fault = { active: true };
    const clean = await appendEvents(store, 3);
    const failing = [...(await appendEvents(store, 1)), ...(await appendEvents(store, 1, { poison: true })), ...(await appendEvents(store, 1))];
    const r = runner([faultyProjection(fault)], { batchSize: 3 });

    r.start();
    await eventually('the faulty projection fails twice', () => statusOf(r, 'faulty').failedAttempts >= 2);

    // The first batch is in; of the second, not even the rows of the events applied before the throw.
    expect(positionsSeen(db, 'faulty_positions')).toEqual(clean.map((e) => e.position));
    expect(checkpointOf(db, 'faulty')).toBe(lastPosition(clean));
    expect(statusOf(r, 'faulty').position).toBe(lastPosition(clean));

    fault.active = false;
    expect(await r.waitUntilCaughtUp(lastPosition(failing), 10_000)).toBe(true);
    expect(positionsSeen(db, 'faulty_positions')).toEqual([...clean, ...failing].map((e) => e.position));
  });

  it('applies every event exactly once across stops and restarts mid-catch-up, while appends continue', async () => {
    await appendEvents(store, 120);
    const projections = [seenPositions(), eventCounts()];

    for (let restart = 0; restart < 4; restart++) {
      // A new runner each time, as after a restart of the process: it knows only the checkpoints.
      const r = runner(projections, { batchSize: 7 });
      r.start();
      const appending = appendEvents(store, 15);
      await firstValueFrom(r.changes$);
      await r.stop();
      await appending;
    }
    // The same runner stopped and started again resumes too.
    const last = runner(projections, { batchSize: 7 });
    last.start();
    await firstValueFrom(last.changes$);
    await last.stop();
    last.start();
    const head = await store.headPosition();

    expect(await last.waitUntilCaughtUp(head, 10_000)).toBe(true);
    const log = await store.readAll(0n, 10_000);
    expect(log).toHaveLength(180);
    expect(positionsSeen(db)).toEqual(log.map((e) => e.position));
    expect(readModel(db, eventCounts())).toEqual(await replayedReadModel(files.fileOfTest('replay.db'), store, eventCounts()));
  });

  it('skips the events at or below a checkpoint another connection moved while it held them (a rebuild swapping its tables in)', async () => {
    // A store that holds the batches it reads until the test lets them go, as a runner blocked on the write lock would.
    let letGo: () => void = () => undefined;
    let held = Promise.resolve();
    let holding = 0;
    const holdingStore: EventStore = {
      appendToStream: (...args) => store.appendToStream(...args),
      readStream: (streamId, afterVersion) => store.readStream(streamId, afterVersion),
      headPosition: () => store.headPosition(),
      waitForEvents: (after, signal) => store.waitForEvents(after, signal),
      readTypes: (...args) => store.readTypes(...args),
      readAll: async (after, limit) => {
        const events = await store.readAll(after, limit);
        if (events.length > 0) {
          holding++;
          await held;
        }
        return events;
      },
    };
    const r = runner([seenPositions()], {}, holdingStore);
    r.start();
    const before = await appendEvents(store, 5);
    expect(await r.waitUntilCaughtUp(lastPosition(before), 10_000)).toBe(true);
    held = new Promise((resolve) => (letGo = resolve));
    holding = 0;

    const meanwhile = await appendEvents(store, 3);
    await eventually('the runner holds the new batch', () => holding > 0);
    swapInAppliedUpTo(connect(), meanwhile);
    letGo();

    expect(await r.waitUntilCaughtUp(lastPosition(meanwhile), 10_000)).toBe(true);
    expect(positionsSeen(db)).toEqual([...before, ...meanwhile].map((e) => e.position));
    expect(statusOf(r, 'seen-positions')).toMatchObject({ position: lastPosition(meanwhile), healthy: true });
  });

  it('keeps the other projections going while one fails, reports it unhealthy with its error, logs no event data, and heals it', async () => {
    const fault: Fault = { active: true };
    const clean = await appendEvents(store, 2);
    const [poison] = await appendEvents(store, 1, { poison: true, fullName: 'Hélène Marchetti-Duval' });
    const r = runner([eventCounts(), faultyProjection(fault)], { batchSize: 2 });

    r.start();
    const more = await appendEvents(store, 5);

    expect(await r.waitUntilCaughtUp(lastPosition(more), 200)).toBe(false);
    await eventually('the healthy projection catches up', () => statusOf(r, 'event-counts').position === lastPosition(more));
    await eventually('the faulty projection is retried', () => statusOf(r, 'faulty').failedAttempts >= 3);
    expect(statusOf(r, 'event-counts')).toMatchObject({ healthy: true, lastError: null });
    expect(statusOf(r, 'faulty')).toMatchObject({ position: lastPosition(clean), healthy: false, lastError: FAULT_MESSAGE });
    const logged = jest.mocked(Logger.prototype.error).mock.calls.map(([message]) => String(message));
    expect(logged[0]).toContain('faulty');
    expect(logged[0]).toContain(`position ${poison!.position}`);
    expect(logged[0]).toContain(FAULT_MESSAGE);
    expect(logged.join('\n')).not.toContain('Hélène');

    fault.active = false;

    expect(await r.waitUntilCaughtUp(lastPosition(more), 10_000)).toBe(true);
    expect(statusOf(r, 'faulty')).toMatchObject({ healthy: true, lastError: null, failedAttempts: 0 });
    expect(positionsSeen(db, 'faulty_positions')).toEqual([...clean, poison!, ...more].map((e) => e.position));
    expect(jest.mocked(Logger.prototype.log).mock.calls.map(([message]) => String(message))).toContainEqual(expect.stringContaining('faulty recovered'));
  });

  it("waits for another connection's write lock between turns of the event loop, counting no failure, and goes on once it is released", async () => {
    const first = await appendEvents(store, 3);
    const earlier = runner([seenPositions()]);
    earlier.start();
    expect(await earlier.waitUntilCaughtUp(lastPosition(first), 10_000)).toBe(true);
    await earlier.stop();
    const second = await appendEvents(store, 3);
    // Another process (a rebuild's swap, say) writing.
    const locker = connect();
    locker.exec('BEGIN IMMEDIATE');
    const logged = jest.mocked(Logger.prototype.log);
    const said = (words: string) => logged.mock.calls.filter(([line]) => String(line).includes(words)).length;
    const r = runner([seenPositions()]);

    r.start();
    await eventually('the batch has met the lock', () => said('waits for another process') === 1);
    // SQLite's busy wait (5 s) would hold the event loop; the loop's own wait lets it turn.
    const turns = countTurns();
    await new Promise((resolve) => setTimeout(resolve, 300));
    turns.stop();
    expect(turns.count).toBeGreaterThan(10);
    expect(statusOf(r, 'seen-positions')).toMatchObject({ position: lastPosition(first), healthy: true, lastError: null, failedAttempts: 0 });
    expect(said('waits for another process')).toBe(1);
    locker.exec('COMMIT');

    expect(await r.waitUntilCaughtUp(lastPosition(second), 10_000)).toBe(true);
    expect(positionsSeen(db)).toEqual([...first, ...second].map((e) => e.position));
    expect(said('the write lock is free again')).toBe(1);
  });

  it('retries a projection that cannot open its tables yet, without holding the others back', async () => {
    let openable = false;
    const late: Projection = {
      name: 'late',
      tables: [],
      open(target) {
        if (!openable) throw new Error('database is locked');
        return eventCounts('late_counts').open(target);
      },
    };
    const events = await appendEvents(store, 3);
    const r = runner([late, seenPositions()]);

    r.start();
    await eventually('opening has failed', () => statusOf(r, 'late').failedAttempts >= 1);
    expect(statusOf(r, 'late')).toMatchObject({ healthy: false, lastError: 'database is locked' });
    await eventually('the other projection caught up', () => statusOf(r, 'seen-positions').position === lastPosition(events));
    openable = true;

    expect(await r.waitUntilCaughtUp(lastPosition(events), 10_000)).toBe(true);
    expect(statusOf(r, 'late').healthy).toBe(true);
  });

  it('publishes the distinct topics of each batch once it is committed', async () => {
    const events = await appendEvents(store, 8);
    const reader = connect();
    const r = runner([eventCounts()], { batchSize: 100 });
    const seen: { change: ProjectionChange; checkpointSeenByAnotherConnection: bigint | undefined }[] = [];
    r.changes$.subscribe((change) => seen.push({ change, checkpointSeenByAnotherConnection: checkpointOf(reader, change.projection) }));

    r.start();
    expect(await r.waitUntilCaughtUp(lastPosition(events), 10_000)).toBe(true);
    const [job] = (await store.appendToStream(newStreamId(), [event('JobStarted')], 0)).events;
    expect(await r.waitUntilCaughtUp(job!.position, 10_000)).toBe(true);

    expect(seen).toHaveLength(2);
    expect(seen[0]!.change.projection).toBe('event-counts');
    expect([...seen[0]!.change.topics].sort()).toEqual([
      'type:ActivityStarted',
      'type:CoachingSessionHeld',
      'type:JobStarted',
      'type:ParticipantEnrolled',
    ]);
    expect(seen[0]!.change.position).toBe(lastPosition(events));
    expect(seen[0]!.checkpointSeenByAnotherConnection).toBe(lastPosition(events));
    expect(seen[1]).toEqual({
      change: { projection: 'event-counts', topics: ['type:JobStarted'], position: job!.position },
      checkpointSeenByAnotherConnection: job!.position,
    });
  });

  it('waitUntilCaughtUp: true once every read model includes the position, false at the timeout or when the runner stops', async () => {
    const r = runner([eventCounts(), seenPositions()]);
    r.start();

    const [enrolled] = await appendEvents(store, 1);
    expect(await r.waitUntilCaughtUp(enrolled!.position, 10_000)).toBe(true);
    // Read-your-writes: the read model holds the event as soon as the wait answers.
    expect(positionsSeen(db)).toEqual([enrolled!.position]);

    expect(await r.waitUntilCaughtUp(enrolled!.position + 1n, 50)).toBe(false);

    const pending = r.waitUntilCaughtUp(enrolled!.position + 1n, 60_000);
    await r.stop();
    expect(await pending).toBe(false);
    expect(await r.waitUntilCaughtUp(enrolled!.position + 1n, 60_000)).toBe(false);
  });

  it('refuses two projections of one name, which would share a checkpoint', () => {
    expect(() => runner([eventCounts(), eventCounts()])).toThrow('repeated: event-counts');
  });
});

/** What a rebuild's swap does, in one transaction: the rows of `events` and a checkpoint past them. */
function swapInAppliedUpTo(other: Database.Database, events: readonly StoredEvent[]): void {
  const writer = seenPositions().open(other);
  other.transaction(() => {
    for (const e of events) writer.apply(e);
    other
      .prepare('INSERT INTO projection_checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position')
      .run('seen-positions', lastPosition(events));
  }).immediate();
}
