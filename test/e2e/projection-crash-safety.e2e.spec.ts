import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { BUILT_IN_CATALOGUE } from '../../src/catalogue/built-in-catalogue';
import { generateProgrammeRun } from '../../src/demo/generate-programme-run';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { participantStream } from '../../src/journey/application/journey-repository';
import { decide } from '../../src/journey/domain/decide';
import { evolveJourney, initialJourney } from '../../src/journey/domain/journey';
import { registeredProjections } from '../support/registered-projections';
import { openSqliteDatabase } from '../../src/storage/sqlite-database';
import { startServiceProcess } from '../support/service-process';
import { tempDir } from '../support/temp-files';

const TODAY = '2026-01-01';
const PROJECTIONS = registeredProjections();

/** A log of a programme run at `scale`, written straight to the store (no read model yet). */
async function writeLog(file: string, scale: number): Promise<bigint> {
  const db = openSqliteDatabase(file);
  const store = new SqliteEventStore(db);
  for (const { participantId, commands } of generateProgrammeRun({ seed: 11, scale })) {
    let journey = initialJourney();
    const events = commands.flatMap((command) => {
      const decided = decide(command, journey, { today: TODAY, catalogue: BUILT_IN_CATALOGUE });
      journey = decided.reduce(evolveJourney, journey);
      return decided;
    });
    const metadata = { recordedAt: '2026-01-01T00:00:00.000Z', recordedBy: 'loader', commandId: null };
    await store.appendToStream(participantStream(participantId), events.map((e) => ({ ...e, metadata })), 0);
  }
  const head = await store.headPosition();
  db.close();
  return head;
}

const checkpoints = (file: string): Map<string, bigint> => {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, position FROM projection_checkpoints').safeIntegers().all() as { name: string; position: bigint }[];
    return new Map(rows.map((r) => [r.name, r.position]));
  } catch {
    return new Map(); // not created yet
  } finally {
    db.close();
  }
};

/** Every read-model table's rows, in a stable order, for comparison. */
function readModels(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      PROJECTIONS.flatMap((p) => p.tables).map((table) => [
        table,
        (db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('projections survive kill -9 in the middle of catching up (e2e, the built service as a child process)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('resumes from the checkpoint: the read models equal a full rebuild, no event applied twice or skipped', async () => {
    const file = tmp.file('journeys.db');
    const head = await writeLog(file, 10);
    const env = { EVENT_STORE_URL: `sqlite:${file}` };

    const first = await startServiceProcess(env);
    let seen = new Map<string, bigint>();
    // Catching up has started but not finished: some checkpoint is past the start and short of the head.
    while (![...seen.values()].some((p) => p > 0n && p < head)) {
      seen = checkpoints(file);
      if (seen.size === PROJECTIONS.length && [...seen.values()].every((p) => p === head)) throw new Error('Caught up before the kill: make the log larger');
      await pause(2);
    }
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect([...checkpoints(file).values()].some((p) => p < head)).toBe(true);

    const second = await startServiceProcess(env);
    while (!(checkpoints(file).size === PROJECTIONS.length && [...checkpoints(file).values()].every((p) => p === head))) await pause(20);
    second.child.kill('SIGTERM');
    await second.exited;

    const rebuilt = tmp.file('rebuilt.db');
    copyFileSync(file, rebuilt);
    await promisify(execFile)(process.execPath, [join(__dirname, '../../dist/cli/rebuild-projections.js')], {
      env: { ...process.env, EVENT_STORE_URL: `sqlite:${rebuilt}` },
    });
    const recovered = readModels(file);
    expect(recovered.case_files.length).toBeGreaterThan(3000);
    expect(recovered).toEqual(readModels(rebuilt));
  }, 180_000);
});
