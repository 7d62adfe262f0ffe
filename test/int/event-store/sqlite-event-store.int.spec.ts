import { join } from 'node:path';
import Database from 'better-sqlite3';
import { START_OF_LOG, WrongExpectedVersion } from '../../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { describeError } from '../../../src/graphql/error-code';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { StoreUnavailable } from '../../../src/storage/store-unavailable';
import { countTurns } from '../../support/event-loop-turns';
import { event, eventStoreContract, newStreamId, settlesWithin } from '../../support/event-store-contract';
import { tempDir } from '../../support/temp-files';

eventStoreContract('SQLite file', async () => {
  const folder = tempDir('journey-event-store-');
  const db = openSqliteDatabase(folder.file('events.db'));
  return {
    store: new SqliteEventStore(db),
    dispose: async () => {
      db.close();
      folder.remove();
    },
  };
});

describe('SqliteEventStore on a file', () => {
  let folder: ReturnType<typeof tempDir>;
  let file: string;
  const connections: Database.Database[] = [];

  /** A new connection to the test's file, as another process would open it. */
  function connect(): Database.Database {
    const db = openSqliteDatabase(file);
    connections.push(db);
    return db;
  }

  beforeEach(() => {
    folder = tempDir('journey-event-store-');
    file = join(folder.dir, 'nested', 'folder', 'events.db');
  });

  afterEach(() => {
    for (const db of connections.splice(0)) if (db.open) db.close();
    folder.remove();
  });

  it('opens the file, creating its folder, in WAL mode with the durability and privacy pragmas', () => {
    const db = connect();

    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1_000);
    // WAL is a property of the file: a plain connection finds it too.
    const plain = new Database(file);
    connections.push(plain);
    expect(plain.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('opens an in-memory database too', async () => {
    const db = openSqliteDatabase(':memory:');
    connections.push(db);
    const store = new SqliteEventStore(db);

    await store.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);

    expect(await store.headPosition()).toBeGreaterThan(START_OF_LOG);
  });

  it('has its head at START_OF_LOG while the log is empty', async () => {
    expect(await new SqliteEventStore(connect()).headPosition()).toBe(START_OF_LOG);
  });

  it('keeps events across closing and reopening the file', async () => {
    const streamId = newStreamId();
    const first = connect();
    const { events } = await new SqliteEventStore(first).appendToStream(
      streamId,
      [event('ParticipantEnrolled', { city: 'stockholm' }), event('CoachingSessionHeld')],
      0,
    );
    first.close();

    const reopened = new SqliteEventStore(connect());

    expect(await reopened.readStream(streamId)).toEqual(events);
    expect(await reopened.headPosition()).toBe(events[1]!.position);
    const next = await reopened.appendToStream(streamId, [event('ActivityStarted')], 2);
    expect(next.nextVersion).toBe(3);
  });

  it('refuses to update or delete events, the log being append-only', async () => {
    const db = connect();
    const store = new SqliteEventStore(db);
    const streamId = newStreamId();
    const { events } = await store.appendToStream(streamId, [event('ParticipantEnrolled')], 0);

    expect(() => db.prepare("UPDATE events SET data = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(await store.readStream(streamId)).toEqual(events);
  });

  it('refuses a readAll limit below 1, which SQLite would read as no limit at all', async () => {
    const store = new SqliteEventStore(connect());

    await expect(store.readAll(START_OF_LOG, -1)).rejects.toThrow(RangeError);
    await expect(store.readAll(START_OF_LOG, 0)).rejects.toThrow(RangeError);
  });

  describe('with a second connection to the same file, as another process', () => {
    it("sees the other connection's appends, and the version check holds across both", async () => {
      const writer = new SqliteEventStore(connect());
      const other = new SqliteEventStore(connect());
      const streamId = newStreamId();

      const { events } = await writer.appendToStream(streamId, [event('ParticipantEnrolled')], 0);

      expect(await other.readStream(streamId)).toEqual(events);
      expect(await other.headPosition()).toBe(events[0]!.position);
      await expect(other.appendToStream(streamId, [event('ParticipantEnrolled')], 0)).rejects.toBeInstanceOf(
        WrongExpectedVersion,
      );
    });

    it('wakes its waiters by polling when the other connection appends', async () => {
      const writer = new SqliteEventStore(connect());
      const other = new SqliteEventStore(connect());
      const waiting = other.waitForEvents(await other.headPosition());
      expect(await settlesWithin(waiting, 50)).toBe(false);

      await writer.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);

      expect(await settlesWithin(waiting, 2_000)).toBe(true);
    });

    it("waits for the other connection's write lock between turns of the event loop, then stores the appends asked for meanwhile", async () => {
      const store = new SqliteEventStore(connect());
      const swap = connect();
      // As a rebuild's swap holds it: a long write transaction of another process.
      swap.exec('BEGIN IMMEDIATE');
      const [first, second] = [newStreamId(), newStreamId()];
      const appending = store.appendToStream(first, [event('ParticipantEnrolled')], 0);
      const turns = countTurns();
      let waited: boolean;
      try {
        waited = !(await settlesWithin(appending, 200));
      } finally {
        turns.stop();
      }
      const joining = store.appendToStream(second, [event('ParticipantEnrolled')], 0);
      expect(waited).toBe(true);
      // The event loop turned while the append waited (SQLite's busy wait would have held it): requests are answered meanwhile.
      expect(turns.count).toBeGreaterThan(5);
      expect(await store.readStream(first)).toEqual([]);

      swap.exec('COMMIT');

      const [stored, joined] = await Promise.all([appending, joining]);
      expect(stored.events[0]!.position + 1n).toBe(joined.events[0]!.position);
      expect((await store.readStream(second)).map((e) => e.version)).toEqual([1]);
    });
  });

  it('wakes its own waiters as its append commits, before any poll', async () => {
    const store = new SqliteEventStore(connect());
    const waiting = store.waitForEvents(await store.headPosition());

    await store.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);

    expect(await settlesWithin(waiting, 20)).toBe(true);
  });

  describe('committing the appends asked for in one turn together (group commit)', () => {
    it('stores them in one transaction: a reader sees none of them, then all', async () => {
      const store = new SqliteEventStore(connect());
      const reader = new SqliteEventStore(connect());
      const streams = [newStreamId(), newStreamId(), newStreamId()];

      const appends = streams.map((streamId) => store.appendToStream(streamId, [event('ParticipantEnrolled')], 0));
      expect(await reader.headPosition()).toBe(START_OF_LOG);
      const first = await appends[0]!;

      // The first one answered: the others are in the same commit, readable already.
      const all = await reader.readAll(START_OF_LOG, 10);
      expect(all.map((e) => e.streamId)).toEqual(streams);
      expect(all[0]).toEqual(first.events[0]);
      await Promise.all(appends);
    });

    it('fails a conflicting append alone, leaving no trace of it, and stores the rest of the group', async () => {
      const store = new SqliteEventStore(connect());
      const [taken, free] = [newStreamId(), newStreamId()];
      await store.appendToStream(taken, [event('ParticipantEnrolled')], 0);

      const settled = await Promise.allSettled([
        store.appendToStream(taken, [event('CoachingSessionHeld'), event('CoachingSessionHeld')], 0),
        store.appendToStream(free, [event('ParticipantEnrolled')], 0),
        store.appendToStream(taken, [event('CoachingSessionHeld')], 1),
      ]);

      expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
      expect((settled[0] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersion);
      expect((await store.readStream(taken)).map((e) => [e.version, e.type])).toEqual([
        [1, 'ParticipantEnrolled'],
        [2, 'CoachingSessionHeld'],
      ]);
      expect(await store.readStream(free)).toHaveLength(1);
    });

    it("rejects every append of the group, storing none, once it has waited for another process's lock longer than it allows (STORE_UNAVAILABLE, retry later)", async () => {
      const store = new SqliteEventStore(connect(), { lockWaitMs: 100 });
      const other = connect();
      other.exec('BEGIN IMMEDIATE');

      const settled = await Promise.allSettled([newStreamId(), newStreamId()].map((id) => store.appendToStream(id, [event('ParticipantEnrolled')], 0)));
      other.exec('ROLLBACK');

      expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
      const refused = (settled[0] as PromiseRejectedResult).reason as unknown;
      expect(refused).toBeInstanceOf(StoreUnavailable);
      expect(describeError(refused)).toMatchObject({ code: 'STORE_UNAVAILABLE', extensions: { retryAfterSeconds: 5 } });
      expect((refused as StoreUnavailable).detail).toBe('SQLITE_BUSY: another process held the write lock for 0 s');
      expect(await store.headPosition()).toBe(START_OF_LOG);
      // The connection is usable again once the lock is free.
      await store.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);
    });
  });

  it('fails the whole group, storing none, when SQLite rolls the whole transaction back in the middle of it', async () => {
    const db = connect();
    const store = new SqliteEventStore(db);
    // What a full disk or an I/O error may do inside a savepoint, here on purpose: RAISE(ROLLBACK) ends the transaction.
    db.exec("CREATE TEMP TRIGGER undo_all BEFORE INSERT ON events WHEN NEW.stream_id = 'undoes-all' BEGIN SELECT RAISE(ROLLBACK, 'rolled back as a whole'); END");

    const streams = ['before-it', 'undoes-all', 'after-it'];
    const settled = await Promise.allSettled(streams.map((stream) => store.appendToStream(stream, [event('ParticipantEnrolled')], 0)));

    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await store.headPosition()).toBe(START_OF_LOG);
    expect(db.inTransaction).toBe(false);
    // The next group commits as usual.
    await store.appendToStream('after-it', [event('ParticipantEnrolled')], 0);
    expect(await store.readStream('after-it')).toHaveLength(1);
  });

  it('leaves no timer behind once its waits have ended', async () => {
    const store = new SqliteEventStore(connect());
    const head = await store.headPosition();
    // The waits' own timers, not the process's: timers other suites of this process left may end meanwhile.
    const started = jest.spyOn(global, 'setInterval');
    const cleared = jest.spyOn(global, 'clearInterval');
    const controller = new AbortController();

    const aborted = store.waitForEvents(head, controller.signal);
    const woken = store.waitForEvents(head);
    const timers = started.mock.results.map((result) => result.value as NodeJS.Timeout);
    expect(timers).toHaveLength(2);
    controller.abort();
    await store.appendToStream(newStreamId(), [event('ParticipantEnrolled')], 0);
    await Promise.all([aborted, woken]);

    expect(cleared.mock.calls.map(([timer]) => timer)).toEqual(expect.arrayContaining(timers));
    started.mockRestore();
    cleared.mockRestore();
  });
  it('never reports an append of a group failed that is stored, nor stored one that is not, when the disk fills mid-group (max_page_count)', async () => {
    const db = connect();
    const store = new SqliteEventStore(db);
    await store.appendToStream('before', [event('Noted')], 0);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);

    // Asked for in the same turn: one group, whose middle append needs pages the file may not grow by.
    // SQLite rolls back that statement here; a statement without a statement journal would take the
    // whole transaction with it, and the group then fails as a whole (SqliteEventStore.commitGroup).
    const streams = ['small-1', 'large', 'small-2'];
    const settled = await Promise.allSettled(
      streams.map((stream) => store.appendToStream(stream, [event('Noted', { text: 'x'.repeat(stream === 'large' ? 5_000 : 10) })], 0)),
    );

    const reported = settled.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as { code: string }).code : 'stored'));
    expect(reported[1]).toBe('SQLITE_FULL');
    const stored = await Promise.all(streams.map(async (stream) => ((await store.readStream(stream)).length > 0 ? 'stored' : 'SQLITE_FULL')));
    expect(reported).toEqual(stored);
    expect(db.inTransaction).toBe(false);
  });
});
