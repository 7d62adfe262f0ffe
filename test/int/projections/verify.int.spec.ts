import { copyFileSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { SqliteKeyVault } from '../../../src/personal-data/sqlite-key-vault';
import { type ProjectionChange, ProjectionRunner } from '../../../src/projections/projection-runner';
import { runRebuildCommand } from '../../../src/projections/rebuild-command';
import { EXIT_DAMAGE_FOUND, runVerifyCommand } from '../../../src/projections/verify-command';
import { registeredProjections } from '../../support/registered-projections';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { readModelVerifier } from '../../../src/read-side/read-model-verification';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { decidedJourneys, interleave, recordSealed } from '../../support/programme-journeys';
import { tempDir } from '../../support/temp-files';
import { checkpointOf, readModel } from './test-projections';

/** Their names and tables. */
const PROJECTIONS = registeredProjections();

const output = () => {
  const written: string[] = [];
  return { written, text: () => written.join(''), isTTY: false, write: (text: string) => written.push(text) };
};

describe('verifying read models (int, real SQLite files of a programme run)', () => {
  const tmp = tempDir('journey-verify-');
  /** Folded by the live runner, closed: each test damages a copy of it. */
  const pristine = tmp.file('pristine.db');
  let pristineModels: Record<string, unknown[]>[];
  let copies = 0;
  const open: Database.Database[] = [];
  const runners: ProjectionRunner[] = [];

  beforeAll(async () => {
    const db = openSqliteDatabase(pristine);
    const store = new SqliteEventStore(db);
    // Amendments (corrections and voids) and erasures: the facts the counters sum are not only appended.
    await recordSealed(store, new SqliteKeyVault(db), interleave(decidedJourneys(7, 0.1, (i) => i % 5 === 0, 4), [2, 7, 1, 8, 2, 8]));
    const runner = new ProjectionRunner(db, store, registeredProjections(new SqliteKeyVault(db)), { batchSize: 50 });
    runner.start();
    expect(await runner.waitUntilCaughtUp(await store.headPosition(), 30_000)).toBe(true);
    await runner.stop();
    pristineModels = PROJECTIONS.map((p) => readModel(db, p));
    db.close();
  });

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    for (const db of open.splice(0)) db.close();
    jest.restoreAllMocks();
  });

  afterAll(() => tmp.remove());

  /** A copy of the folded file, and a connection to it. */
  function copy(): { file: string; db: Database.Database } {
    const file = tmp.file(`copy-${++copies}.db`);
    copyFileSync(pristine, file);
    const db = openSqliteDatabase(file);
    open.push(db);
    return { file, db };
  }

  const verify = async (file: string, names: string[] = []) => {
    const [stdout, stderr] = [output(), output()];
    const code = await runVerifyCommand(names, { readModelFile: file, projections: registeredProjections, stdout, stderr });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  const rebuild = (file: string) => runRebuildCommand([], { readModelFile: file, projections: registeredProjections, stdout: output(), stderr: output() });

  function startRunner(db: Database.Database): ProjectionRunner {
    // Verifying as the service does on a file: in a process of its own.
    const verifier = readModelVerifier(db, BUILT_IN_CATALOGUE);
    const runner = new ProjectionRunner(db, new SqliteEventStore(db), registeredProjections(new SqliteKeyVault(db)), { batchSize: 50, watchEveryMs: 20 }, verifier);
    runners.push(runner);
    runner.start();
    return runner;
  }

  it("finds a live runner's read models intact: the counters it kept by deltas are what the facts sum to", async () => {
    const { file, db } = copy();
    const head = checkpointOf(db, 'outcomes');

    expect(await verify(file)).toEqual({
      code: 0,
      stdout: `case-files: intact at checkpoint ${head}\noutcomes: intact at checkpoint ${head}\nlife-paths: intact at checkpoint ${head}\ncase-search: intact at checkpoint ${head}\n`,
      stderr: '',
    });
  });

  it('reports rows deleted from case files, outcome facts, a counter and life paths, with exit code 3, until a rebuild repairs them', async () => {
    const { file, db } = copy();
    db.exec(`
      DELETE FROM case_timelines WHERE case_id = (SELECT max(case_id) FROM case_files);
      DELETE FROM case_files WHERE case_id = (SELECT min(case_id) FROM case_files);
      DELETE FROM outcome_participants WHERE participant_id = (SELECT min(participant_id) FROM outcome_participants);
      DELETE FROM outcome_counters WHERE scope = 'paris' AND counter = 'enrolled';
      DELETE FROM life_paths WHERE participant_id = (SELECT max(participant_id) FROM life_paths);
    `);

    const found = await verify(file);

    expect(found.code).toBe(EXIT_DAMAGE_FOUND);
    expect(found.stdout).toMatch(/^case-files: DAMAGED: case_files holds \d+ rows for \d+ participants enrolled up to its checkpoint \d+: 1 missing$/m);
    expect(found.stdout).toMatch(/^case-files: DAMAGED: case_timelines holds the lists of 1 cases with no case_files row$/m);
    expect(found.stdout).toMatch(/^case-files: DAMAGED: 1 case_files rows have no case_timelines row$/m);
    expect(found.stdout).toMatch(/^outcomes: DAMAGED: outcome_participants holds \d+ rows for \d+ participants .*: 1 missing$/m);
    expect(found.stdout).toMatch(/^outcomes: DAMAGED: outcome counters do not add up: .*enrolled of paris is 0, its participants' facts sum to \d+/m);
    expect(found.stdout).toMatch(/^life-paths: DAMAGED: life_paths holds \d+ rows .*: 1 missing$/m);
    expect(found.stdout).toMatch(/`npm run projections:rebuild -- case-files outcomes life-paths` repairs it\n$/);

    expect(await rebuild(file)).toBe(0);

    expect((await verify(file)).code).toBe(0);
    expect(PROJECTIONS.map((p) => readModel(db, p))).toEqual(pristineModels);
  });

  it('reports a counter changed by hand, a city that is not the sum of its programmes, and tallies that miss a participant', async () => {
    const { file, db } = copy();
    db.exec(`
      UPDATE outcome_counters SET value = value + 1 WHERE scope = 'frankfurt' AND counter = 'jobsByContract.PERMANENT';
      UPDATE outcome_survival SET count = count - 1
      WHERE (scope, kind, key) = (SELECT scope, kind, key FROM outcome_survival WHERE scope LIKE 'stockholm/%' LIMIT 1);
    `);

    const { code, stdout } = await verify(file, ['outcomes']);

    expect(code).toBe(EXIT_DAMAGE_FOUND);
    expect(stdout).toMatch(/jobsByContract\.PERMANENT of frankfurt is \d+, its programmes sum to \d+/);
    expect(stdout).toMatch(/survival tallies of stockholm\/[\w-]+ hold \d+ participants, its enrolled counter \d+/);
    expect(stdout).not.toContain('case-files');
  });

  it("reports key sums (researchers' cell keys) that no longer add up: a programme's counter, a scope's survival tally", async () => {
    const { file, db } = copy();
    db.exec(`
      UPDATE outcome_counters SET key_sum = (key_sum + 1) % 4294967296 WHERE scope = 'paris/paris-gatp' AND counter = 'enrolled';
      UPDATE outcome_survival SET key_sum = (key_sum + 1) % 4294967296
      WHERE (scope, kind, key) = (SELECT scope, kind, key FROM outcome_survival WHERE scope = 'frankfurt' LIMIT 1);
    `);

    const { code, stdout } = await verify(file, ['outcomes']);

    expect(code).toBe(EXIT_DAMAGE_FOUND);
    expect(stdout).toMatch(/the key sum of enrolled of paris is \d+, its programmes sum to \d+/);
    expect(stdout).toMatch(/the key sum of the survival tallies of frankfurt is \d+, of its enrolled counter \d+/);
  });

  it("reports months of the trends whose changes no longer add up to the live counters and tallies, count or key sum", async () => {
    const { file, db } = copy();
    db.exec(`
      UPDATE outcome_month_counters SET value = value + 1
      WHERE (scope, month, counter) = (SELECT scope, month, counter FROM outcome_month_counters WHERE scope = 'paris' AND counter = 'enrolled' LIMIT 1);
      UPDATE outcome_month_counters SET key_sum = (key_sum + 1) % 4294967296
      WHERE (scope, month, counter) = (SELECT scope, month, counter FROM outcome_month_counters WHERE scope = 'stockholm' AND counter = 'active' LIMIT 1);
      UPDATE outcome_month_survival SET count = count + 1
      WHERE (scope, month, kind, key) = (SELECT scope, month, kind, key FROM outcome_month_survival WHERE scope = 'frankfurt' LIMIT 1);
    `);

    const { code, stdout } = await verify(file, ['outcomes']);

    expect(code).toBe(EXIT_DAMAGE_FOUND);
    expect(stdout).toMatch(/enrolled of paris is \d+, its months sum to \d+/);
    expect(stdout).toMatch(/the key sum of active of stockholm is \d+, its months sum to \d+/);
    expect(stdout).toMatch(/the survival tally \w+ [\d-]+ of frankfurt holds \d+ \(key sum \d+\), its months sum to \d+/);
  });

  it('reports days of figures as of a date whose changes no longer add up to the live counters and tallies', async () => {
    const { file, db } = copy();
    db.exec(`
      UPDATE outcome_day_counters SET value = value + 1
      WHERE (scope, day, counter) = (SELECT scope, day, counter FROM outcome_day_counters WHERE scope = 'paris' AND counter = 'enrolled' LIMIT 1);
      UPDATE outcome_day_survival SET count = count + 1
      WHERE (scope, day, kind, key) = (SELECT scope, day, kind, key FROM outcome_day_survival WHERE scope = 'frankfurt' LIMIT 1);
    `);

    const { code, stdout } = await verify(file, ['outcomes']);

    expect(code).toBe(EXIT_DAMAGE_FOUND);
    expect(stdout).toMatch(/enrolled of paris is \d+, its days sum to \d+/);
    expect(stdout).toMatch(/the survival tally \w+ [\d-]+ of frankfurt holds \d+ \(key sum \d+\), its days sum to \d+/);
  });

  it('reports a lost checkpoint; the runner then folds the log once into new tables rather than twice over the old ones', async () => {
    const { file, db } = copy();
    db.prepare("DELETE FROM projection_checkpoints WHERE name = 'outcomes'").run();

    const found = await verify(file);
    expect(found.code).toBe(EXIT_DAMAGE_FOUND);
    expect(found.stdout).toContain(
      'outcomes: DAMAGED: no checkpoint, yet outcome_participants, outcome_counters, outcome_survival, outcome_scopes, outcome_month_counters, outcome_month_survival, outcome_month_stamps, outcome_day_counters, outcome_day_survival, outcome_day_stamps, outcomes_log_month hold rows: folding the log from the start over them would count its events twice',
    );

    const runner = startRunner(db);
    expect(await runner.waitUntilCaughtUp(checkpointOf(db, 'case-files')!, 30_000)).toBe(true);

    expect(PROJECTIONS.map((p) => readModel(db, p))).toEqual(pristineModels);
    expect(runner.status().map((s) => s.problems)).toEqual([[], [], [], []]);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringMatching(/^Projection outcomes's checkpoint did not describe its tables \(no checkpoint, yet/));
    expect((await verify(file)).code).toBe(0);
  });

  it('resets a projection whose checkpoint is behind its tables, and one whose checkpoint row goes while it runs', async () => {
    const { db } = copy();
    db.prepare("UPDATE projection_checkpoints SET position = 3 WHERE name = 'life-paths'").run();

    const runner = startRunner(db);
    const head = checkpointOf(db, 'case-files')!;
    expect(await runner.waitUntilCaughtUp(head, 30_000)).toBe(true);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringMatching(/^Projection life-paths's checkpoint did not describe its tables \(life_paths holds \d+ rows, but \d+ participants are enrolled up to its checkpoint 3: the checkpoint is behind the table/));

    db.prepare("DELETE FROM projection_checkpoints WHERE name = 'case-files'").run();
    const store = new SqliteEventStore(db);
    const metadata = { recordedAt: '2026-01-02T00:00:00.000Z', recordedBy: 'test', commandId: null };
    await store.appendToStream('audit-1', [{ type: 'Audited', data: {}, metadata }], 0);
    expect(await runner.waitUntilCaughtUp(await store.headPosition(), 30_000)).toBe(true);

    // A stream of no participant adds no case, no life path: both read models are as folded once.
    expect(readModel(db, PROJECTIONS[0]!)).toEqual(pristineModels[0]);
    expect(readModel(db, PROJECTIONS[2]!)).toEqual(pristineModels[2]);
    expect(Logger.prototype.warn).toHaveBeenCalledWith("Projection case-files's checkpoint row is gone while its tables stayed: checking them before folding on");
  });

  it('knows at start of damage it cannot heal, and sees a rebuild by another connection: verified again, live subscribers told every scope', async () => {
    const { file, db } = copy();
    db.exec("DELETE FROM outcome_counters WHERE scope = 'paris' AND counter = 'active'");
    const runner = startRunner(db);
    const changes: ProjectionChange[] = [];
    runner.changes$.subscribe((change) => changes.push(change));

    await waitFor(() => runner.status().every((s) => s.problems !== null));
    expect(runner.status().find((s) => s.name === 'outcomes')!.problems).toEqual([
      { kind: 'rows', message: expect.stringMatching(/^outcome counters do not add up: active of paris is 0, its participants' facts sum to \d+/) },
    ]);
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringMatching(/^Projection outcomes's read model is damaged: .*`npm run projections:rebuild -- outcomes` repairs it$/));

    expect(await runRebuildCommand(['outcomes'], { readModelFile: file, projections: registeredProjections, stdout: output(), stderr: output() })).toBe(0);

    await waitFor(() => runner.status().every((s) => s.problems?.length === 0));
    await waitFor(() => changes.length > 0);
    const scopes = db.prepare<[], string>('SELECT scope FROM outcome_scopes').pluck().all();
    expect(changes).toEqual([{ projection: 'outcomes', topics: scopes, position: expect.any(BigInt) }]);
    expect(scopes).toEqual(expect.arrayContaining(['paris', 'frankfurt']));
    expect(Logger.prototype.log).toHaveBeenCalledWith("Projection outcomes's read model is intact again");
  });

  it('exits 1 without a database (creating none), 2 for an unknown projection', async () => {
    const missing = tmp.file('missing.db');
    expect(await verify(missing)).toEqual({ code: 1, stdout: '', stderr: `No database at ${missing}: check EVENT_STORE_URL\n` });
    expect(await verify(pristine, ['outcomes', 'outcome'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Unknown projection outcome; the projections are: case-files, outcomes, life-paths, case-search\n',
    });
  });

  it('finds a file nothing was folded into intact', async () => {
    const file = tmp.file('empty.db');
    openSqliteDatabase(file).close();
    expect(await verify(file)).toEqual({
      code: 0,
      stdout: 'case-files: intact, nothing folded yet\noutcomes: intact, nothing folded yet\nlife-paths: intact, nothing folded yet\ncase-search: intact, nothing folded yet\n',
      stderr: '',
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
