import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { SqliteKeyVault } from '../../../src/personal-data/sqlite-key-vault';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { SLICE_MS } from '../../../src/storage/read-snapshot';
import { UNUSED_KEY_GRACE_MS, UnusedKeyCollector } from '../../../src/storage/unused-key-collector';
import { tempDir } from '../../support/temp-files';

const METADATA = { recordedAt: '2026-01-01T00:00:00Z', recordedBy: 'adviser', commandId: null };
/** A collection this long after now sees the keys created until now (its bound excludes the last millisecond). */
const PAST_GRACE = UNUSED_KEY_GRACE_MS + 1;

describe('keys of enrolments never recorded (int, keys in a file apart, as with KEY_VAULT_FILE)', () => {
  let folder: ReturnType<typeof tempDir>;
  let events: Database.Database;
  let keys: Database.Database;
  let store: SqliteEventStore;
  let vault: SqliteKeyVault;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    folder = tempDir('journey-unused-keys-');
    events = openSqliteDatabase(folder.file('events.db'));
    keys = openSqliteDatabase(folder.file('keys.db'));
    store = new SqliteEventStore(events);
    vault = new SqliteKeyVault(keys);
  });

  afterEach(() => {
    vault.close();
    events.close();
    keys.close();
    folder.remove();
    jest.restoreAllMocks();
  });

  const keyOwners = () => keys.prepare<[], string>('SELECT participant_id FROM participant_keys ORDER BY participant_id').pluck().all();
  const enrol = (participantId: string) => store.appendToStream(`participant-${participantId}`, [{ type: 'ParticipantEnrolled', data: {}, metadata: METADATA }], 0);

  it('removes a key without a stream once older than the grace period, and no other', async () => {
    await vault.keyFor('recorded');
    await enrol('recorded');
    await vault.keyFor('never-recorded');
    await vault.keyFor('erased');
    await enrol('erased');
    await vault.shred('erased');
    const collector = new UnusedKeyCollector(store, vault);

    expect(await collector.collect()).toBe(0);
    expect(keyOwners()).toEqual(['never-recorded', 'recorded']);

    expect(await collector.collect(Date.now() + PAST_GRACE)).toBe(1);
    expect(keyOwners()).toEqual(['recorded']);
    // No tombstone: the participant may still enrol, with a key of its own.
    await expect(vault.keyFor('never-recorded')).resolves.toHaveLength(32);
  });

  it('keeps the key of a participant recorded between the look and the deletion: each key found unused is looked at again as it is deleted', async () => {
    await vault.keyFor('recorded-meanwhile');
    await vault.keyFor('never-recorded');
    const found = vault.keysCreated({ createdAt: 0 }, Date.now() + 1, 10).participantIds;
    expect(found.sort()).toEqual(['never-recorded', 'recorded-meanwhile']);
    await enrol('recorded-meanwhile');

    expect(await vault.removeUnused(found, (participantId) => !store.streamExists(`participant-${participantId}`), Date.now())).toBe(1);
    expect(keyOwners()).toEqual(['recorded-meanwhile']);
  });

  it('removes nothing once stopped, even in the middle of a collection', async () => {
    await vault.keyFor('never-recorded');
    // Slices of no time: it lets other work in after each key.
    const collector = new UnusedKeyCollector(store, vault, 0);
    const collecting = collector.collect(Date.now() + PAST_GRACE);
    collector.onModuleDestroy();
    expect(await collecting).toBe(0);
    expect(keyOwners()).toEqual(['never-recorded']);
  });

  it('collects again, each time the keys created since the last collection', async () => {
    const collector = new UnusedKeyCollector(store, vault);
    await vault.keyFor('first');
    expect(await collector.collect(Date.now() + PAST_GRACE)).toBe(1);

    // The first collection looked at keys until a millisecond after its own time: create past that.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await vault.keyFor('second');
    expect(await collector.collect(Date.now() + UNUSED_KEY_GRACE_MS + PAST_GRACE)).toBe(1);
    expect(keyOwners()).toEqual([]);
  });

  it('reads the keys a page at a time, every one of them, keys created in the same millisecond included', async () => {
    const participants = Array.from({ length: 7 }, (_, i) => `never-recorded-${i}`);
    const sameMillisecond = jest.spyOn(Date, 'now').mockReturnValue(Date.now());
    for (const participantId of participants) await vault.keyFor(participantId);
    sameMillisecond.mockRestore();
    const pages = jest.spyOn(vault, 'keysCreated');

    expect(await new UnusedKeyCollector(store, vault, SLICE_MS, 2).collect(Date.now() + PAST_GRACE)).toBe(7);
    expect(pages.mock.results.map(({ value }) => (value as ReturnType<typeof vault.keysCreated>).participantIds.length)).toEqual([2, 2, 2, 1]);
    expect(keyOwners()).toEqual([]);
  });

  it('goes on where the last collection got to after a restart, without looking at the keys before again', async () => {
    await vault.keyFor('recorded');
    await enrol('recorded');
    const firstCollection = Date.now() + PAST_GRACE;
    expect(await new UnusedKeyCollector(store, vault).collect(firstCollection)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await vault.keyFor('never-recorded');
    vault.close();
    keys.close();

    keys = openSqliteDatabase(folder.file('keys.db'));
    vault = new SqliteKeyVault(keys);
    const lookedAt = jest.spyOn(store, 'streamExists');
    expect(await new UnusedKeyCollector(store, vault).collect(firstCollection + UNUSED_KEY_GRACE_MS)).toBe(1);
    expect(lookedAt.mock.calls).toEqual([['participant-never-recorded'], ['participant-never-recorded']]);
    expect(keyOwners()).toEqual(['recorded']);
  });

  it("waits for another process's write lock between turns of the event loop, then removes the key and records how far it got", async () => {
    await vault.keyFor('never-recorded');
    const otherProcess = new Database(folder.file('keys.db'));
    otherProcess.exec('BEGIN IMMEDIATE');
    const now = Date.now() + PAST_GRACE;
    const collecting = new UnusedKeyCollector(store, vault).collect(now);
    // SQLite's busy wait would hold the event loop for its 5 s, then fail: the timer fires meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(keyOwners()).toEqual(['never-recorded']);
    otherProcess.exec('COMMIT');
    otherProcess.close();

    expect(await collecting).toBe(1);
    expect(keyOwners()).toEqual([]);
    expect(vault.keysLookedAtBefore()).toBe(now - UNUSED_KEY_GRACE_MS);
  });

  it('never goes back: a collection asked with an earlier time than the last leaves where it got to as it was', async () => {
    const later = Date.now() + 2 * UNUSED_KEY_GRACE_MS;
    await new UnusedKeyCollector(store, vault).collect(later);
    await new UnusedKeyCollector(store, vault).collect();
    expect(vault.keysLookedAtBefore()).toBe(later - UNUSED_KEY_GRACE_MS);
  });

  it('counts keys of a version that kept no creation time as old: the first collection removes those without a stream', async () => {
    vault.close();
    keys.close();
    const old = new Database(folder.file('old-keys.db'));
    old.exec(`CREATE TABLE participant_keys (participant_id TEXT PRIMARY KEY, key BLOB NOT NULL);
      INSERT INTO participant_keys VALUES ('orphan', randomblob(32)), ('recorded', randomblob(32));`);
    old.close();
    keys = openSqliteDatabase(folder.file('old-keys.db'));
    vault = new SqliteKeyVault(keys);
    await enrol('recorded');

    expect(await new UnusedKeyCollector(store, vault).collect()).toBe(1);
    expect(keyOwners()).toEqual(['recorded']);
  });
});
