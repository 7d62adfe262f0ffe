import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { KeyShredded } from '../../../src/personal-data/key-vault.port';
import { SqliteKeyVault } from '../../../src/personal-data/sqlite-key-vault';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';
import { countTurns } from '../../support/event-loop-turns';
import { settlesWithin } from '../../support/event-store-contract';
import { describeError } from '../../../src/graphql/error-code';

const MARIE = 'participant-marie';
const JONAS = 'participant-jonas';

describe('SqliteKeyVault on a file', () => {
  let folder: ReturnType<typeof tempDir>;
  let file: string;
  const connections: Database.Database[] = [];
  const vaults: SqliteKeyVault[] = [];

  /** A connection to the test's file, as the service opens it. */
  function connect(): Database.Database {
    const db = openSqliteDatabase(file);
    connections.push(db);
    return db;
  }

  /** A vault on a new connection to the test's file, stopped after the test. */
  function openVault(db = connect()): SqliteKeyVault {
    const vault = new SqliteKeyVault(db);
    vaults.push(vault);
    return vault;
  }

  /** Where `bytes` appear in the database file, its write-ahead log and its shared-memory index, as raw bytes on disk. */
  function foundOnDisk(bytes: Buffer): { database: boolean; wal: boolean; shm: boolean } {
    const contains = (path: string) => existsSync(path) && readFileSync(path).indexOf(bytes) !== -1;
    return { database: contains(file), wal: contains(`${file}-wal`), shm: contains(`${file}-shm`) };
  }

  /** Another process's read transaction, as a backup or an operator's sqlite3 shell holds it: its snapshot pins the write-ahead log. */
  function holdReadTransaction(): Database.Database {
    const reader = connect();
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM participant_keys').get();
    return reader;
  }

  async function removalsDone(vault: SqliteKeyVault): Promise<void> {
    while ((await vault.pendingRemovals()).count > 0) await sleep(50);
  }

  beforeEach(() => {
    folder = tempDir('journey-key-vault-');
    file = folder.file('journeys.db');
  });

  afterEach(() => {
    for (const vault of vaults.splice(0)) vault.close();
    for (const db of connections.splice(0)) if (db.open) db.close();
    folder.remove();
  });

  describe('keyFor', () => {
    it('creates a 32-byte key on first use and returns that same key afterwards', async () => {
      const vault = openVault();

      const key = await vault.keyFor(MARIE);

      expect(key).toBeInstanceOf(Buffer);
      expect(key).toHaveLength(32);
      expect((await vault.keyFor(MARIE)).equals(key)).toBe(true);
      expect((await vault.find(MARIE))?.equals(key)).toBe(true);
    });

    it("commits a new key without waiting for the disk when the keys are in the event log's file, the append sealing under it syncing both; at synchronous=FULL in a file of their own", async () => {
      const FULL = 2;
      const onTheLog = connect();
      const own = connect();
      const sharing = new SqliteKeyVault(onTheLog, { onTheEventLog: true });
      const apart = new SqliteKeyVault(own);
      vaults.push(sharing, apart);
      const pragmas = (db: Database.Database) => jest.spyOn(db, 'exec').mock.calls;
      const sharingCalls = pragmas(onTheLog);
      const apartCalls = pragmas(own);

      await sharing.keyFor(MARIE);
      await apart.keyFor(JONAS);

      expect(sharingCalls.map(([sql]) => sql)).toEqual(['PRAGMA busy_timeout = 0', 'PRAGMA synchronous = NORMAL', 'PRAGMA synchronous = FULL', 'PRAGMA busy_timeout = 5000']);
      expect(apartCalls.map(([sql]) => sql)).toEqual(['PRAGMA busy_timeout = 0', 'PRAGMA busy_timeout = 5000']);
      expect([onTheLog, own].map((db) => db.pragma('synchronous', { simple: true }))).toEqual([FULL, FULL]);
      expect(await sharing.find(MARIE)).not.toBeNull();
    });

    it('writes nothing once the key exists: every append asks for it, and a write waits for the disk', async () => {
      const db = connect();
      const vault = openVault(db);
      const key = await vault.keyFor(MARIE);
      // Another process holds the write lock: only a write waits for it.
      const other = connect();
      other.exec('BEGIN IMMEDIATE');

      expect((await vault.keyFor(MARIE)).equals(key)).toBe(true);
      const creating = vault.keyFor(JONAS);
      expect(await settlesWithin(creating, 100)).toBe(false);
      other.exec('ROLLBACK');
      expect(await settlesWithin(creating, 1_000)).toBe(true);
    });

    it('gives each participant a key of its own', async () => {
      const vault = openVault();

      expect((await vault.keyFor(MARIE)).equals(await vault.keyFor(JONAS))).toBe(false);
    });

    it('returns the stored key to another vault on the same file', async () => {
      const key = await openVault().keyFor(MARIE);
      const other = openVault();

      expect((await other.keyFor(MARIE)).equals(key)).toBe(true);
      expect((await other.find(MARIE))?.equals(key)).toBe(true);
    });

    it('keeps the key across a restart', async () => {
      const first = connect();
      const key = await openVault(first).keyFor(MARIE);
      first.close();

      expect((await openVault().find(MARIE))?.equals(key)).toBe(true);
    });

    it("creates the key once another process's write lock is released, waiting between turns of the event loop, not in SQLite's busy wait", async () => {
      const vault = openVault();
      const swap = connect();
      swap.exec('BEGIN IMMEDIATE');

      const creating = vault.keyFor(MARIE);
      const turns = countTurns();
      await sleep(200);
      turns.stop();
      expect(turns.count).toBeGreaterThan(5);
      expect(await vault.find(MARIE)).toBeNull();
      swap.exec('COMMIT');

      expect((await creating).equals((await vault.find(MARIE))!)).toBe(true);
    });
  });

  it('finds no key for a participant it never saw', async () => {
    const vault = openVault();
    await vault.keyFor(MARIE);

    expect(await vault.find(JONAS)).toBeNull();
  });

  describe('shred', () => {
    it('deletes the key, leaving the other participants their keys', async () => {
      const vault = openVault();
      await vault.keyFor(MARIE);
      const jonasKey = await vault.keyFor(JONAS);

      await vault.shred(MARIE);

      expect(await vault.find(MARIE)).toBeNull();
      expect(await openVault().find(MARIE)).toBeNull();
      expect((await vault.find(JONAS))?.equals(jonasKey)).toBe(true);
    });

    it("waits for another process's write lock, then shreds; refuses after the wait it allows, the key kept", async () => {
      const db = connect();
      const vault = openVault(db);
      const patient = new SqliteKeyVault(db, { lockWaitMs: 50 });
      vaults.push(patient);
      await vault.keyFor(MARIE);
      const swap = connect();
      swap.exec('BEGIN IMMEDIATE');

      const refused = await patient.shred(MARIE).then(() => null, (error: unknown) => error);
      const shredding = vault.shred(MARIE);
      expect(await settlesWithin(shredding, 100)).toBe(false);
      swap.exec('COMMIT');
      await shredding;

      expect(describeError(refused)).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(await vault.find(MARIE)).toBeNull();
    });

    it('leaves no copy of a key that was still in the write-ahead log', async () => {
      const vault = openVault();
      const key = await vault.keyFor(MARIE);
      const jonasKey = await vault.keyFor(JONAS);
      expect(foundOnDisk(key)).toEqual({ database: false, wal: true, shm: false });

      await vault.shred(MARIE);

      expect(foundOnDisk(key)).toEqual({ database: false, wal: false, shm: false });
      // The search does find a key still stored, in the same page.
      expect(foundOnDisk(jonasKey).database || foundOnDisk(jonasKey).wal).toBe(true);
    });

    it('leaves no copy of a key that was already in the database file', async () => {
      const db = connect();
      const vault = openVault(db);
      const key = await vault.keyFor(MARIE);
      const jonasKey = await vault.keyFor(JONAS);
      db.pragma('wal_checkpoint(TRUNCATE)');
      expect(foundOnDisk(key)).toEqual({ database: true, wal: false, shm: false });

      await vault.shred(MARIE);

      expect(foundOnDisk(key)).toEqual({ database: false, wal: false, shm: false });
      expect(foundOnDisk(jonasKey).database || foundOnDisk(jonasKey).wal).toBe(true);
    });

    it('leaves no copy when another connection to the file is open', async () => {
      const reader = openVault();
      const vault = openVault();
      const key = await vault.keyFor(MARIE);
      expect((await reader.find(MARIE))?.equals(key)).toBe(true);

      await vault.shred(MARIE);

      expect(await reader.find(MARIE)).toBeNull();
      expect(foundOnDisk(key)).toEqual({ database: false, wal: false, shm: false });
    });

    it('never creates a key again for that participant', async () => {
      const vault = openVault();
      await vault.keyFor(MARIE);

      await vault.shred(MARIE);

      await expect(vault.keyFor(MARIE)).rejects.toBeInstanceOf(KeyShredded);
      await expect(openVault().keyFor(MARIE)).rejects.toBeInstanceOf(KeyShredded);
      expect(await vault.find(MARIE)).toBeNull();
    });

    it('makes the key unreadable at once while another connection holds a read transaction, and removes it once the reader goes', async () => {
      const vault = openVault();
      const key = await vault.keyFor(MARIE);
      const reader = holdReadTransaction();

      await vault.shred(MARIE);

      expect(await vault.find(MARIE)).toBeNull();
      expect(await vault.pendingRemovals()).toEqual({ count: 1, oldestSince: expect.any(Date) });
      const onDisk = foundOnDisk(key);
      expect(onDisk.database || onDisk.wal).toBe(true);

      reader.exec('COMMIT');
      await removalsDone(vault);

      expect(foundOnDisk(key)).toEqual({ database: false, wal: false, shm: false });
      expect(await vault.pendingRemovals()).toEqual({ count: 0, oldestSince: null });
    });

    it('completes at the next start a removal left pending when the vault stopped', async () => {
      const first = connect();
      const vault = openVault(first);
      const key = await vault.keyFor(MARIE);
      const reader = holdReadTransaction();
      await vault.shred(MARIE);
      expect((await vault.pendingRemovals()).count).toBe(1);
      vault.close();
      first.close();
      expect(foundOnDisk(key).database || foundOnDisk(key).wal).toBe(true);
      reader.exec('COMMIT');

      const restarted = openVault();

      expect(await restarted.pendingRemovals()).toEqual({ count: 0, oldestSince: null });
      expect(foundOnDisk(key)).toEqual({ database: false, wal: false, shm: false });
    });

    it('is idempotent, and accepts a participant that never had a key', async () => {
      const vault = openVault();
      await vault.keyFor(MARIE);

      await vault.shred(MARIE);
      await expect(vault.shred(MARIE)).resolves.toBeUndefined();
      await expect(vault.shred(JONAS)).resolves.toBeUndefined();

      expect(await vault.find(MARIE)).toBeNull();
      expect(await vault.find(JONAS)).toBeNull();
    });
  });
});
