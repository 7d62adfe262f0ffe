import { existsSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { SqliteKeyVault } from '../../../src/personal-data/sqlite-key-vault';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

const MARIE = 'participant-marie';
const JONAS = 'participant-jonas';

describe('SqliteKeyVault on a file', () => {
  let folder: ReturnType<typeof tempDir>;
  let file: string;
  const connections: Database.Database[] = [];

  /** A connection to the test's file, as the service opens it. */
  function connect(): Database.Database {
    const db = openSqliteDatabase(file);
    connections.push(db);
    return db;
  }

  /** Where `bytes` appear in the database file and its write-ahead log, as raw bytes on disk. */
  function foundOnDisk(bytes: Buffer): { database: boolean; wal: boolean } {
    const contains = (path: string) => existsSync(path) && readFileSync(path).indexOf(bytes) !== -1;
    return { database: contains(file), wal: contains(`${file}-wal`) };
  }

  beforeEach(() => {
    folder = tempDir('journey-key-vault-');
    file = folder.file('journeys.db');
  });

  afterEach(() => {
    for (const db of connections.splice(0)) if (db.open) db.close();
    folder.remove();
  });

  describe('keyFor', () => {
    it('creates a 32-byte key on first use and returns that same key afterwards', async () => {
      const vault = new SqliteKeyVault(connect());

      const key = await vault.keyFor(MARIE);

      expect(key).toBeInstanceOf(Buffer);
      expect(key).toHaveLength(32);
      expect((await vault.keyFor(MARIE)).equals(key)).toBe(true);
      expect((await vault.find(MARIE))?.equals(key)).toBe(true);
    });

    it('writes nothing once the key exists: every append asks for it, and a write waits for the disk', async () => {
      const db = connect();
      const vault = new SqliteKeyVault(db);
      const key = await vault.keyFor(MARIE);
      // Another process holds the write lock longer than this connection waits for it: only a write would notice.
      db.pragma('busy_timeout = 20');
      const other = connect();
      other.exec('BEGIN IMMEDIATE');

      expect((await vault.keyFor(MARIE)).equals(key)).toBe(true);
      // Matched as text: better-sqlite3's errors may come from another realm than this test file's Error.
      const refused = await vault.keyFor(JONAS).then(() => 'written', (error: unknown) => String(error));
      expect(refused).toMatch(/locked|busy/i);
      other.exec('ROLLBACK');
    });

    it('gives each participant a key of its own', async () => {
      const vault = new SqliteKeyVault(connect());

      expect((await vault.keyFor(MARIE)).equals(await vault.keyFor(JONAS))).toBe(false);
    });

    it('returns the stored key to another vault on the same file', async () => {
      const key = await new SqliteKeyVault(connect()).keyFor(MARIE);
      const other = new SqliteKeyVault(connect());

      expect((await other.keyFor(MARIE)).equals(key)).toBe(true);
      expect((await other.find(MARIE))?.equals(key)).toBe(true);
    });

    it('keeps the key across a restart', async () => {
      const first = connect();
      const key = await new SqliteKeyVault(first).keyFor(MARIE);
      first.close();

      expect((await new SqliteKeyVault(connect()).find(MARIE))?.equals(key)).toBe(true);
    });
  });

  it('finds no key for a participant it never saw', async () => {
    const vault = new SqliteKeyVault(connect());
    await vault.keyFor(MARIE);

    expect(await vault.find(JONAS)).toBeNull();
  });

  describe('shred', () => {
    it('deletes the key, leaving the other participants their keys', async () => {
      const vault = new SqliteKeyVault(connect());
      await vault.keyFor(MARIE);
      const jonasKey = await vault.keyFor(JONAS);

      await vault.shred(MARIE);

      expect(await vault.find(MARIE)).toBeNull();
      expect(await new SqliteKeyVault(connect()).find(MARIE)).toBeNull();
      expect((await vault.find(JONAS))?.equals(jonasKey)).toBe(true);
    });

    it('leaves no copy of a key that was still in the write-ahead log', async () => {
      const vault = new SqliteKeyVault(connect());
      const key = await vault.keyFor(MARIE);
      const jonasKey = await vault.keyFor(JONAS);
      expect(foundOnDisk(key)).toEqual({ database: false, wal: true });

      await vault.shred(MARIE);

      expect(foundOnDisk(key)).toEqual({ database: false, wal: false });
      // The search does find a key still stored, in the same page.
      expect(foundOnDisk(jonasKey).database || foundOnDisk(jonasKey).wal).toBe(true);
    });

    it('leaves no copy of a key that was already in the database file', async () => {
      const db = connect();
      const vault = new SqliteKeyVault(db);
      const key = await vault.keyFor(MARIE);
      const jonasKey = await vault.keyFor(JONAS);
      db.pragma('wal_checkpoint(TRUNCATE)');
      expect(foundOnDisk(key)).toEqual({ database: true, wal: false });

      await vault.shred(MARIE);

      expect(foundOnDisk(key)).toEqual({ database: false, wal: false });
      expect(foundOnDisk(jonasKey).database || foundOnDisk(jonasKey).wal).toBe(true);
    });

    it('leaves no copy when another connection to the file is open', async () => {
      const reader = new SqliteKeyVault(connect());
      const vault = new SqliteKeyVault(connect());
      const key = await vault.keyFor(MARIE);
      expect((await reader.find(MARIE))?.equals(key)).toBe(true);

      await vault.shred(MARIE);

      expect(await reader.find(MARIE)).toBeNull();
      expect(foundOnDisk(key)).toEqual({ database: false, wal: false });
    });

    it('is idempotent, and accepts a participant that never had a key', async () => {
      const vault = new SqliteKeyVault(connect());
      await vault.keyFor(MARIE);

      await vault.shred(MARIE);
      await expect(vault.shred(MARIE)).resolves.toBeUndefined();
      await expect(vault.shred(JONAS)).resolves.toBeUndefined();

      expect(await vault.find(MARIE)).toBeNull();
      expect(await vault.find(JONAS)).toBeNull();
    });
  });
});
