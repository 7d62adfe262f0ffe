import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { csvOf, EXAMPLE_FILE, EXAMPLE_PARTICIPANTS, exampleRows, mixedFile, xlsxOf } from '../support/past-journeys-file';
import { eventsPerParticipant } from '../support/stored-participants';
import { tempDir } from '../support/temp-files';
import { TEST_JWT_SECRET } from '../support/tokens';

const CLI = join(__dirname, '../../dist/cli/import.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('npm run import (e2e, the built command on a SQLite file)', () => {
  const tmp = tempDir();
  const store = tmp.file('journeys.db');
  const mixed = tmp.file('mixed.csv');
  const { rows, errors } = mixedFile();
  const run = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
    promisify(execFile)(process.execPath, [CLI, ...args], {
      env: { ...process.env, EVENT_STORE_URL: `sqlite:${store}`, AUTH_JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: Run) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  beforeAll(() => writeFileSync(mixed, csvOf(rows)));
  afterAll(() => tmp.remove());

  it('in a dry run, prints every error with its line, column and code, records nothing, and exits with 1', async () => {
    const { code, stdout } = await run([mixed, '--city', 'paris', '--dry-run']);

    expect(code).toBe(1);
    const lines = stdout.split('\n');
    for (const { line, column, code: errorCode } of errors) {
      expect(lines.some((l) => l.startsWith(`line ${line}, ${column}: ${errorCode}`))).toBe(true);
    }
    expect(stdout).toContain(`Dry run, nothing recorded for paris: ${rows.length} rows read, 8 participants`);
    expect(stdout).toContain(`would record 15 rows, already there 0, not recorded ${rows.length - 15}`);
    // Off a terminal, progress is plain lines.
    // Five rows do not even read; the other 19 are checked.
    expect(stdout).toContain('checking: 100% (19 of 19 rows,');
    expect(eventsPerParticipant(store).size).toBe(0);
  });

  it('records the good participants, then, run again, nothing new', async () => {
    const first = await run([mixed, '--city', 'paris', '--by', 'archive-2008']);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('recorded 15 rows, already there 0');
    expect([...eventsPerParticipant(store).values()].sort()).toEqual(Object.values(EXAMPLE_PARTICIPANTS).sort());

    const second = await run([mixed, '--city', 'paris']);
    expect(second.stdout).toContain('recorded 0 rows, already there 15');
    expect([...eventsPerParticipant(store).values()].sort()).toEqual(Object.values(EXAMPLE_PARTICIPANTS).sort());
  });

  it("exits with 0 for a file every row of which is good or already there: the template's example, and the same as a workbook", async () => {
    const workbook = tmp.file('past-journeys.xlsx');
    writeFileSync(workbook, await xlsxOf(exampleRows()));

    for (const file of [EXAMPLE_FILE, workbook]) {
      const { code, stdout } = await run([file, '--city', 'paris']);
      expect({ code, summary: stdout.split('\n').slice(-2, -1)[0] }).toEqual({ code: 0, summary: '  errors: none' });
    }
  });

  it("without --by, records every event by 'import:' and the file's name, each character a token's sub may not hold made _", async () => {
    const store = tmp.file('by-file-name.db');
    const file = tmp.file('Année 2008 <final>.csv');
    writeFileSync(file, readFileSync(EXAMPLE_FILE));

    expect((await run([file, '--city', 'paris'], { EVENT_STORE_URL: `sqlite:${store}` })).code).toBe(0);

    const db = new Database(store, { readonly: true });
    const recorders = db.prepare("SELECT DISTINCT json_extract(metadata, '$.recordedBy') FROM events WHERE stream_id LIKE 'participant-%'").pluck().all();
    db.close();
    expect(recorders).toEqual(['import:Ann_e_2008__final_.csv']);
  });

  it.each([
    [['--city', 'paris'], 'USAGE: Give one file to import. Usage: npm run import'],
    [['journeys.txt', '--city', 'paris'], "USAGE: 'journeys.txt' is neither a .csv nor an .xlsx file."],
    [['journeys.csv'], 'USAGE: --city is required'],
    [['journeys.csv', '--city', 'lyon'], "UNKNOWN_CITY: Unknown city 'lyon': one of paris, frankfurt, stockholm"],
    [['missing.csv', '--city', 'paris'], "FILE_NOT_FOUND: Cannot read 'missing.csv': no such file"],
    [['journeys.csv', '--city', 'paris', '--by', 'two words'], 'USAGE: --by must be 1 to 255 printable ASCII characters'],
    [['journeys.csv', '--city', 'paris', '--by', 'archive\u001b[2J'], 'USAGE: --by must be 1 to 255 printable ASCII characters'],
    [['journeys.csv', '--city', 'paris', '--colour', 'red'], "USAGE: Unknown option '--colour'"],
    [['journeys.csv', '--city', 'paris', '--dry-run=yes'], "USAGE: Option '--dry-run' does not take an argument"],
  ])('refuses %j with one coded line on standard error, no stack, and exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await run(args);

    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(message)]);
    expect(stderr.startsWith(message.slice(0, message.indexOf(':') + 1))).toBe(true);
  });

  describe("refuses a file it cannot read, or settings and a store it cannot run with, in one coded line, and exit code 2", () => {
    const folder = tmp.file('a-folder.csv');
    const damaged = tmp.file('damaged.db');
    const badCatalogue = tmp.file('programmes.json');
    beforeAll(() => {
      mkdirSync(folder);
      writeFileSync(damaged, 'not a SQLite file, but long enough to be taken for one by the open');
      writeFileSync(badCatalogue, '{ "cities": ');
    });

    it.each([
      ['a folder where the file should be', [folder], {}, `UNREADABLE_FILE: Cannot read '${folder}': EISDIR`],
      ['a catalogue that is not JSON', [mixed], { PROGRAMMES_FILE: badCatalogue }, `CONFIG_ERROR: PROGRAMMES_FILE ${badCatalogue} cannot be read as JSON`],
      ['a store that is a folder', [mixed], { EVENT_STORE_URL: `sqlite:${folder}` }, `STORE_UNOPENABLE: Cannot open the store's files (${folder})`],
      ['a damaged store', [mixed], { EVENT_STORE_URL: `sqlite:${damaged}` }, `DAMAGED_FILE: The SQLite file ${damaged} is damaged`],
    ])('%s', async (_, file, env, message) => {
      const { code, stdout, stderr } = await run([...file, '--city', 'paris'], env);

      expect({ code, stdout, stderr: stderr.trimEnd().split('\n') }).toEqual({ code: 2, stdout: '', stderr: [expect.stringContaining(message)] });
      expect(stderr.startsWith(message)).toBe(true);
    });
  });
});
