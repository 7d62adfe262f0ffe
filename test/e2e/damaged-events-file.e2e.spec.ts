import { spawn } from 'node:child_process';
import { closeSync, openSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { EXIT_CODES } from '../../src/start-failure';
import { openSqliteDatabase } from '../../src/storage/sqlite-database';
import { freePort } from '../support/free-port';
import { tempDir } from '../support/temp-files';
import { TEST_JWT_SECRET } from '../support/tokens';

const MAIN = join(__dirname, '../../dist/main.js');

/** Runs the built service to its end; answers its exit code and everything it printed. */
async function runToExit(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** An event store file with a few thousand events, closed cleanly (no write-ahead log left). */
async function fileWithEvents(file: string): Promise<void> {
  const db = openSqliteDatabase(file);
  const store = new SqliteEventStore(db);
  for (let i = 0; i < 300; i++) {
    await store.appendToStream(`participant-${i}`, [{ type: 'Noted', data: { text: 'x'.repeat(500) }, metadata: { recordedAt: '2026-01-01T00:00:00Z', recordedBy: 't', commandId: null } }], 0);
  }
  db.close();
}

/** The one JSON line the service printed, parsed; fails if there is another line. */
function theOneLine(run: { stdout: string; stderr: string }): Record<string, any> {
  const lines = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, any>;
}

describe('a damaged SQLite file (e2e, the built service as a child process)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('truncated: one fatal JSON line naming the file, SQLite’s verdict and what to do, and exit code 3', async () => {
    const file = tmp.file('truncated.db');
    await fileWithEvents(file);
    truncateSync(file, Math.floor(statSync(file).size / 2));

    const run = await runToExit({ EVENT_STORE_URL: `sqlite:${file}` });

    expect(run.code).toBe(EXIT_CODES.damagedFile);
    expect(EXIT_CODES.damagedFile).toBe(3);
    expect(theOneLine(run)).toMatchObject({
      level: 60,
      context: 'Storage',
      file,
      sqlite: { code: 'SQLITE_CORRUPT', message: 'database disk image is malformed', quickCheck: [expect.any(String)] },
      action: expect.stringMatching(/restore the latest backup.*integrity_check/),
      msg: expect.stringContaining(file),
    });
  });

  it('with a bad header: the same, with SQLite’s SQLITE_NOTADB', async () => {
    const file = tmp.file('bad-header.db');
    await fileWithEvents(file);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('not a database!!'), 0, 16, 0);
    closeSync(fd);

    const run = await runToExit({ EVENT_STORE_URL: `sqlite:${file}` });

    expect(run.code).toBe(3);
    expect(theOneLine(run)).toMatchObject({ level: 60, file, sqlite: { code: 'SQLITE_NOTADB' } });
  });

  it('names the key vault’s file when that is the damaged one (KEY_VAULT_FILE)', async () => {
    const keys = tmp.file('keys.db');
    await fileWithEvents(keys);
    truncateSync(keys, 1_000);

    const run = await runToExit({ EVENT_STORE_URL: `sqlite:${tmp.file('events.db')}`, KEY_VAULT_FILE: keys });

    expect(run.code).toBe(3);
    expect(theOneLine(run)).toMatchObject({ file: keys });
  });
});
