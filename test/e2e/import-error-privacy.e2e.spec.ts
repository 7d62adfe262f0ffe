import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fakeClock } from '../support/fake-clock';
import { tempDir } from '../support/temp-files';
import { appForTests } from '../support/test-app';
import { bearer, TEST_JWT_SECRET } from '../support/tokens';

const CLI = join(__dirname, '../../dist/cli/import.js');

/** Personal details of the file, each of which a shifted row puts in a column of another type. */
const NAME = 'Hélène Marchetti';
const PHONE = '+33612345678';
const BIRTH_DATE = '1957-04-12';

const HEADER = 'reference,city,programme,kind,date,birthYear,gender,educationLevel,positionLevel,lastSector,incomeSupport,fullName,phone,mode,durationMinutes,partner';
const ENROLMENT = (reference: string) => `${reference},paris,paris-gatp,ENROLLED,2007-03-12,1953,FEMALE,ISCED_5_8,SENIOR_MANAGER,K,NONE,${NAME},${PHONE},,,`;
/** Each row but the good enrolment has a personal detail where a code, a number or a date belongs. */
const SHIFTED_ROWS = [
  // incomeSupport missing: the name is read as the income support (an enumeration), the phone as the name.
  `P-1,paris,paris-gatp,ENROLLED,2007-03-12,1953,FEMALE,ISCED_5_8,SENIOR_MANAGER,K,${NAME},${PHONE},,,,`,
  `P-2,paris,,COACHING_SESSION,2007-03-20,,,,,,,,,GROUP,${PHONE},`,
  `P-3,paris,,COACHING_SESSION,${NAME},,,,,,,,,GROUP,60,`,
  `P-4,paris,,${NAME},2007-03-20,,,,,,,,,,,`,
  `P-5,paris,${NAME},COACHING_SESSION,2007-03-20,,,,,,,,,GROUP,60,`,
  `P-6,${NAME},,COACHING_SESSION,2007-03-20,,,,,,,,,GROUP,60,`,
  `P-7,paris,,REFERRED,2007-04-02,,,,,,,,,,,${NAME}`,
  // A birth date in the date column: the journey, enrolled in 2007 by an earlier file, refuses it.
  `P-8,paris,,COACHING_SESSION,${BIRTH_DATE},,,,,,,,,GROUP,60,`,
];
const SHIFTED_FILE = [HEADER, ...SHIFTED_ROWS].join('\n');
/** The header forgotten: the first participant's details are where the column names belong. */
const HEADERLESS_FILE = [ENROLMENT('P-9'), ENROLMENT('P-10')].join('\n');
/** A quote in an unquoted cell, which csv-parse's own message quotes. */
const BAD_QUOTES_FILE = `reference,city,programme,kind,date,fullName\nP-11,paris,paris-gatp,ENROLLED,2007-03-12,Hélène "Marchetti"\n`;

const PERSONAL = [NAME, 'Marchetti', PHONE, BIRTH_DATE];
const expectNoPersonalDetail = (text: string) => {
  for (const detail of PERSONAL) expect(text).not.toContain(detail);
};

describe('import errors never repeat a cell (e2e, the upload and the built command)', () => {
  const clock = fakeClock('2026-11-28T10:00:00Z');
  afterAll(() => clock.restore());
  const service = appForTests();
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  const upload = async (csv: string, dryRun: boolean) => {
    const response = await fetch(`${service.url.replace(/\/graphql$/, '')}/imports?city=paris&dryRun=${dryRun}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: await bearer('admin') },
      body: csv,
    });
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    await upload([HEADER, ENROLMENT('P-8')].join('\n'), false);
  });

  it("answers the upload of shifted rows with each error's line, column, code and what the column takes, never the value", async () => {
    const answer = await upload(SHIFTED_FILE, true);

    expectNoPersonalDetail(answer);
    const { errors } = JSON.parse(answer) as { errors: { line: number; column: string; code: string; message: string }[] };
    expect(errors).toEqual([
      { line: 2, column: 'incomeSupport', code: 'BAD_USER_INPUT', message: 'incomeSupport must be one of: MINIMUM_INCOME, UNEMPLOYMENT_INSURANCE, NONE' },
      { line: 3, column: 'durationMinutes', code: 'BAD_USER_INPUT', message: 'durationMinutes must be a whole number' },
      { line: 4, column: 'date', code: 'BAD_USER_INPUT', message: 'date must be a date YYYY-MM-DD, a day of the calendar' },
      { line: 5, column: 'kind', code: 'UNKNOWN_KIND', message: expect.stringMatching(/^kind must be one of: ENROLLED, COACHING_SESSION, /) },
      { line: 6, column: 'programme', code: 'BAD_USER_INPUT', message: expect.stringMatching(/^programme must be one of the programmes of paris: paris-gatp, /) },
      { line: 7, column: 'city', code: 'FORBIDDEN', message: 'The row is of another city than paris: this import records journeys of paris only' },
      { line: 8, column: 'partner', code: 'BAD_USER_INPUT', message: expect.stringMatching(/^partner must be one of the partners of paris: /) },
      expect.objectContaining({ line: 9, column: 'date', code: 'RULE_VIOLATION', rule: 'DATE_BEFORE_ENROLMENT' }),
    ]);
  });

  it('answers a file without its header and one with a stray quote without their cells', async () => {
    const headerless = await upload(HEADERLESS_FILE, true);
    const badQuotes = await upload(BAD_QUOTES_FILE, true);

    expectNoPersonalDetail(headerless + badQuotes);
    expect(JSON.parse(headerless)).toMatchObject({ errors: expect.arrayContaining([{ line: 1, column: null, code: 'UNKNOWN_COLUMN', message: expect.stringContaining("The header's cell 12 is no column") }]) });
    expect(JSON.parse(badQuotes)).toMatchObject({ errors: [{ line: 2, column: null, code: 'UNREADABLE_FILE', message: expect.stringContaining('INVALID_OPENING_QUOTE') }] });
  });

  it('prints the same errors in the command, on both its outputs, without the values', async () => {
    const file = tmp.file('shifted.csv');
    writeFileSync(file, SHIFTED_FILE);

    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, file, '--city', 'paris', '--dry-run'], {
      env: { ...process.env, EVENT_STORE_URL: `sqlite:${service.file}`, AUTH_JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test' },
    }).catch((failed: { stdout: string; stderr: string }) => failed);

    expectNoPersonalDetail(stdout + stderr);
    expect(stdout).toContain('line 3, durationMinutes: BAD_USER_INPUT: durationMinutes must be a whole number');
  });
});
