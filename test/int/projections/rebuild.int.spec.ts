import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { EventStore } from '../../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { runRebuildCommand } from '../../../src/projections/rebuild-command';
import { type RebuildListener, rebuildProjection } from '../../../src/projections/rebuild-projections';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { event, newStreamId } from '../../support/event-store-contract';
import { tempDir } from '../../support/temp-files';
import { appendEvents, checkpointOf, eventCounts, jobPositions, positionsSeen, readModel, replayedReadModel, seenPositions } from './test-projections';

/** A listener that ignores what it hears. */
const IGNORED: RebuildListener = { started: () => undefined, progressed: () => undefined, copying: () => undefined, swapping: () => undefined, finished: () => undefined };

describe('rebuilding projections (int, real SQLite files)', () => {
  const tmp = tempDir('journey-rebuild-');
  let folder: ReturnType<typeof tempDir>;
  let file: string;
  let db: Database.Database;
  let store: SqliteEventStore;
  const connections: Database.Database[] = [];
  const runners: ProjectionRunner[] = [];

  /** Another connection to the test's file, as the rebuild command (another process) opens it. */
  function connect(): { db: Database.Database; store: SqliteEventStore } {
    const other = openSqliteDatabase(file);
    connections.push(other);
    return { db: other, store: new SqliteEventStore(other) };
  }

  function startRunner(): ProjectionRunner {
    const runner = new ProjectionRunner(db, store, [eventCounts(), seenPositions()], { batchSize: 50 });
    runners.push(runner);
    runner.start();
    return runner;
  }

  const output = () => {
    const written: string[] = [];
    return { written, isTTY: false, write: (text: string) => written.push(text) };
  };

  beforeEach(() => {
    folder = tempDir('journey-rebuild-');
    file = `${folder.dir}/journeys.db`;
    db = openSqliteDatabase(file);
    store = new SqliteEventStore(db);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    for (const other of connections.splice(0)) other.close();
    db.close();
    folder.remove();
    jest.restoreAllMocks();
  });

  afterAll(() => tmp.remove());

  it('gives the read models a live runner builds, replaces a damaged one, and leaves no file behind', async () => {
    const events = await appendEvents(store, 500);
    const runner = startRunner();
    expect(await runner.waitUntilCaughtUp(events.at(-1)!.position, 10_000)).toBe(true);
    await runner.stop();
    const live = { counts: readModel(db, eventCounts()), positions: readModel(db, seenPositions()) };
    db.exec("DELETE FROM seen_positions WHERE stream_id = (SELECT stream_id FROM seen_streams LIMIT 1); UPDATE event_counts SET count = 0");
    const rebuilder = connect();

    const results = [];
    for (const projection of [eventCounts(), seenPositions()]) {
      results.push(await rebuildProjection(rebuilder.db, rebuilder.store, projection, { batchSize: 64 }));
    }

    expect(results).toEqual([
      { projection: 'event-counts', events: 500, position: events.at(-1)!.position },
      { projection: 'seen-positions', events: 500, position: events.at(-1)!.position },
    ]);
    expect(readModel(db, eventCounts())).toEqual(live.counts);
    expect(readModel(db, seenPositions())).toEqual(live.positions);
    expect(checkpointOf(db, 'event-counts')).toBe(events.at(-1)!.position);
    expect(checkpointOf(db, 'seen-positions')).toBe(events.at(-1)!.position);
    expect(readdirSync(folder.dir).filter((name) => name.includes('rebuild'))).toEqual([]);
    expect(db.pragma('database_list')).toEqual([expect.objectContaining({ name: 'main' })]);
    // Nor a copy of the rebuilt tables: they were renamed into place.
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'rebuild%'").all()).toEqual([]);
  });

  it('gives a projection that names its types only those, moving on past batches that hold none: the read model of every event', async () => {
    const before = await appendEvents(store, 20);
    // More than a batch of events the projection does not read.
    const coaching = await store.appendToStream(newStreamId(), Array.from({ length: 20 }, () => event('CoachingSessionHeld')), 0);
    const after = await appendEvents(store, 20);
    const rebuilder = connect();
    const readAll = jest.spyOn(rebuilder.store, 'readAll');
    const positions: bigint[] = [];
    const listener = { ...IGNORED, progressed: ({ position }: { position: bigint }) => positions.push(position) };

    const result = await rebuildProjection(rebuilder.db, rebuilder.store, jobPositions(), { batchSize: 8, listener });

    expect(result).toEqual({ projection: 'job-positions', events: 60, position: after.at(-1)!.position });
    // Batches of 8 of the 60 events: the fourth and the fifth hold coaching sessions only.
    const log = [...before, ...coaching.events, ...after];
    expect(positions).toEqual([7, 15, 23, 31, 39, 47, 55, 59].map((index) => log[index]!.position));
    expect(readAll).not.toHaveBeenCalled();
    expect(checkpointOf(db, 'job-positions')).toBe(after.at(-1)!.position);
    expect(readModel(db, jobPositions())).toEqual(await replayedReadModel(`${folder.dir}/replay.db`, store, jobPositions()));
    expect(readModel(db, jobPositions()).job_positions).toHaveLength([...before, ...after].filter((e) => e.type === 'JobStarted').length);
  });

  it('builds aside in a file readable by the service’s user only, as the live file is (it holds the same sealed data)', async () => {
    await appendEvents(store, 10);
    const rebuilder = connect();
    const modes: string[] = [];
    const listener = {
      started: () => {
        for (const name of readdirSync(folder.dir).filter((n) => n.includes('.rebuild-'))) {
          modes.push((statSync(join(folder.dir, name)).mode & 0o777).toString(8));
        }
      },
      progressed: () => undefined,
      copying: () => undefined,
      swapping: () => undefined,
      finished: () => undefined,
    };

    await rebuildProjection(rebuilder.db, rebuilder.store, eventCounts(), { listener });

    // The side file, and SQLite's -wal and -shm beside it.
    expect(new Set(modes)).toEqual(new Set(['600']));
  });

  it('runs while a runner follows the same file and appends keep coming: nothing lost, nothing applied twice', async () => {
    await appendEvents(store, 1_500);
    const runner = startRunner();
    let appending = true;
    let appendedDuringRebuild = 0;
    const appender = (async () => {
      while (appending) {
        await appendEvents(store, 3);
        appendedDuringRebuild += 3;
        await nextTurn();
      }
    })();
    const rebuilder = connect();

    try {
      for (const projection of [seenPositions(), eventCounts()]) {
        await rebuildProjection(rebuilder.db, rebuilder.store, projection, { batchSize: 100 });
      }
    } finally {
      appending = false;
      await appender;
    }
    // The runner goes on from the swapped checkpoints.
    const after = await appendEvents(store, 20);

    expect(appendedDuringRebuild).toBeGreaterThan(0);
    expect(await runner.waitUntilCaughtUp(after.at(-1)!.position, 10_000)).toBe(true);
    expect(runner.status().every((s) => s.healthy)).toBe(true);
    const log = await store.readAll(0n, 100_000);
    expect(positionsSeen(db)).toEqual(log.map((e) => e.position));
    expect(readModel(db, seenPositions())).toEqual(await replayedReadModel(folder.file('replay-positions.db'), store, seenPositions()));
    expect(readModel(db, eventCounts())).toEqual(await replayedReadModel(folder.file('replay-counts.db'), store, eventCounts()));
  });

  it('folds in, within the swap, the events appended after the copy caught up', async () => {
    await appendEvents(store, 40);
    const rebuilder = connect();
    let late: Awaited<ReturnType<typeof appendEvents>> = [];
    // Another process appends right when the copy has reached the head, before the swap takes the lock.
    const racedStore: EventStore = {
      appendToStream: (...args) => rebuilder.store.appendToStream(...args),
      readStream: (streamId) => rebuilder.store.readStream(streamId),
      headPosition: () => rebuilder.store.headPosition(),
      waitForEvents: (after, signal) => rebuilder.store.waitForEvents(after, signal),
      readTypes: (...args) => rebuilder.store.readTypes(...args),
      readAll: async (after, limit) => {
        const events = await rebuilder.store.readAll(after, limit);
        if (events.length < limit && late.length === 0) late = await appendEvents(store, 7);
        return events;
      },
    };

    const result = await rebuildProjection(rebuilder.db, racedStore, seenPositions(), { batchSize: 16 });

    expect(late).toHaveLength(7);
    expect(result).toEqual({ projection: 'seen-positions', events: 47, position: late.at(-1)!.position });
    const log = await store.readAll(0n, 1_000);
    expect(positionsSeen(db)).toEqual(log.map((e) => e.position));
    expect(checkpointOf(db, 'seen-positions')).toBe(late.at(-1)!.position);
  });

  it('leaves the live tables as they were, and no copy in the live file, when copying the rebuilt tables in fails', async () => {
    const events = await appendEvents(store, 40);
    const runner = startRunner();
    expect(await runner.waitUntilCaughtUp(events.at(-1)!.position, 10_000)).toBe(true);
    await runner.stop();
    const live = readModel(db, eventCounts());
    const rebuilder = connect();
    // Its first table copies in; the second, which it names but never makes, is not found in the rebuilt file.
    const naming = { ...eventCounts(), tables: ['event_counts', 'never_made'] };

    await expect(rebuildProjection(rebuilder.db, rebuilder.store, naming, { listener: IGNORED })).rejects.toThrow(/Cannot stage table never_made/);

    expect(readModel(db, eventCounts())).toEqual(live);
    expect(checkpointOf(db, 'event-counts')).toBe(events.at(-1)!.position);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'rebuild%'").all()).toEqual([]);
    expect(readdirSync(folder.dir).filter((name) => name.includes('rebuild'))).toEqual([]);
  });

  it('rebuilds from the command line only the projection named, reporting in plain lines off a terminal', async () => {
    const events = await appendEvents(store, 30);
    const stdout = output();
    const stderr = output();

    const code = await runRebuildCommand(['event-counts'], { readModelFile: file, projections: () => [eventCounts(), seenPositions()], stdout, stderr });

    expect(code).toBe(0);
    expect(stderr.written).toEqual([]);
    expect(stdout.written[0]).toBe(`Rebuilding event-counts up to position ${events.at(-1)!.position}\n`);
    expect(stdout.written.at(-1)).toMatch(/^event-counts: rebuilt from 30 events in [\d.]+ s \([\d,]+ events\/s\), checkpoint \d+\n$/);
    expect(checkpointOf(db, 'event-counts')).toBe(events.at(-1)!.position);
    expect(checkpointOf(db, 'seen-positions')).toBeUndefined();
  });

  it('refuses an unknown projection name with exit code 2, naming the known ones, and touches nothing', async () => {
    await appendEvents(store, 3);
    const stdout = output();
    const stderr = output();

    const code = await runRebuildCommand(['event-count'], { readModelFile: file, projections: () => [eventCounts(), seenPositions()], stdout, stderr });

    expect(code).toBe(2);
    expect(stderr.written.join('')).toBe('Unknown projection event-count; the projections are: event-counts, seen-positions\n');
    expect(stdout.written).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('event_counts', 'projection_checkpoints')").all()).toEqual([]);
  });

  it('refuses to run on a database file that does not exist, rather than create an empty one', async () => {
    const missing = folder.file('typo.db');
    const stderr = output();

    const code = await runRebuildCommand([], { readModelFile: missing, projections: () => [eventCounts()], stdout: output(), stderr });

    expect(code).toBe(1);
    expect(stderr.written.join('')).toContain(`No database at ${missing}`);
    expect(readdirSync(folder.dir)).not.toContain('typo.db');
  });
});
