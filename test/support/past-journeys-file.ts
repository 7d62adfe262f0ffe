import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ALL_COLUMNS, type ImportableKind, KINDS } from '../../src/import/import-columns';
import type { GraphQLResponse } from './graphql-client';
import { caseMutation, type JourneyMutation } from './journey-api';

/** A row of an import file by column name; an absent column is an empty cell. */
export type FileRow = Record<string, string>;

/** The template's example, docs/examples/past-journeys.csv: three Paris journeys every row of which is good. */
export const EXAMPLE_FILE = join(__dirname, '../../docs/examples/past-journeys.csv');

export const exampleRows = (): FileRow[] =>
  (parse(readFileSync(EXAMPLE_FILE), { columns: true, bom: true }) as FileRow[]).map((row) =>
    Object.fromEntries(Object.entries(row).filter(([, value]) => value !== '')),
  );

/** The references of the example's participants, with their rows. */
export const EXAMPLE_PARTICIPANTS = { 'GATP-2007-014': 7, 'RMI-2007-003': 4, 'GATP-2007-021': 4 };

const enrolment = (reference: string, overrides: FileRow = {}): FileRow => ({
  reference,
  city: 'paris',
  programme: 'paris-gatp',
  kind: 'ENROLLED',
  date: '2007-03-01',
  birthYear: '1952',
  gender: 'MALE',
  educationLevel: 'ISCED_5_8',
  positionLevel: 'MANAGER',
  lastSector: 'C',
  incomeSupport: 'NONE',
  fullName: 'Zébulon Quagga',
  ...overrides,
});

/** A bad row, and the error it must get, but its line. */
export interface BadRow {
  rows: FileRow[];
  error: { column: string; code: string; rule?: string };
}

/** One of each kind of bad row, each of a participant of its own, after whatever good rows of that participant it needs. */
export const BAD_ROWS: BadRow[] = [
  {
    rows: [enrolment('BAD-KIND'), { reference: 'BAD-KIND', city: 'paris', programme: 'paris-gatp', kind: 'INTERVIEW', date: '2007-03-05' }],
    error: { column: 'kind', code: 'UNKNOWN_KIND' },
  },
  { rows: [enrolment('BAD-DATE', { date: '2007-02-30' })], error: { column: 'date', code: 'BAD_USER_INPUT' } },
  {
    rows: [enrolment('BAD-RULE'), { reference: 'BAD-RULE', city: 'paris', programme: 'paris-gatp', kind: 'EXITED', date: '2007-08-01', reason: 'EMPLOYMENT' }],
    error: { column: 'reason', code: 'RULE_VIOLATION', rule: 'EXIT_WITHOUT_OUTCOME' },
  },
  { rows: [enrolment('BAD-PROGRAMME', { programme: 'paris-nowhere' })], error: { column: 'programme', code: 'BAD_USER_INPUT' } },
  {
    // Its line ends before the sector: written as a short line, it lacks the column.
    rows: [enrolment('BAD-COLUMN'), { reference: 'BAD-COLUMN', city: 'paris', programme: 'paris-gatp', kind: 'JOB_STARTED', date: '2007-06-01', contractType: 'PERMANENT', employerType: 'SME' }],
    error: { column: 'sector', code: 'MISSING_VALUE' },
  },
  { rows: [enrolment('BAD-CITY', { city: 'frankfurt', programme: 'frankfurt-test-group' })], error: { column: 'city', code: 'FORBIDDEN' } },
];

/** The example's good rows, then the bad ones; and the error expected on each bad row's line (the header is line 1). */
export function mixedFile(): { rows: FileRow[]; errors: { line: number; column: string; code: string; rule?: string }[] } {
  const rows = exampleRows();
  const errors = BAD_ROWS.map(({ rows: bad, error }) => {
    rows.push(...bad);
    return { line: rows.length + 1, ...error };
  });
  return { rows, errors };
}

/** The rows as CSV under the template's header, each line ending after its last value (RFC 4180 quoting). */
export function csvOf(rows: readonly FileRow[], columns: readonly string[] = ALL_COLUMNS): Buffer {
  const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const line = (cells: string[]) => {
    const last = cells.findLastIndex((cell) => cell !== '');
    return cells.slice(0, last + 1).map(quoted).join(',');
  };
  return Buffer.from(`${[line([...columns]), ...rows.map((row) => line(columns.map((c) => row[c] ?? '')))].join('\n')}\n`, 'utf8');
}

/** The rows as an Excel workbook, the way a spreadsheet keeps them: dates as date cells, numbers as numbers. */
export async function xlsxOf(rows: readonly FileRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Journeys');
  sheet.addRow([...ALL_COLUMNS]);
  for (const row of rows) {
    sheet.addRow(
      ALL_COLUMNS.map((column) => {
        const value = row[column];
        if (value === undefined) return null;
        if ((column === 'date' || column === 'unemployedSince') && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) {
          const date = new Date(`${value}T00:00:00Z`);
          // 2007-02-30 is no date a spreadsheet keeps: it stays the text typed.
          return date.toISOString().startsWith(value) ? date : value;
        }
        return /^\d+$/.test(value) ? Number(value) : value;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const MUTATIONS: Record<ImportableKind, JourneyMutation> = {
  ENROLLED: 'enrolParticipant',
  COACHING_SESSION: 'recordCoachingSession',
  ACTIVITY_STARTED: 'startActivity',
  ACTIVITY_COMPLETED: 'completeActivity',
  REFERRED: 'referToPartner',
  JOB_STARTED: 'recordJobStart',
  SELF_EMPLOYMENT_STARTED: 'recordSelfEmployment',
  EXITED: 'recordExit',
  FOLLOW_UP: 'recordFollowUp',
  RE_ENROLLED: 'reEnrolParticipant',
};

/** Records good rows through the GraphQL API, as an adviser would type them, each participant under an id of its own. */
export async function recordThroughApi(
  gql: (query: string, variables: Record<string, unknown>) => Promise<GraphQLResponse>,
  rows: readonly FileRow[],
): Promise<void> {
  const ids = new Map<string, string>();
  for (const row of rows) {
    const kind = row.kind as ImportableKind;
    const { dateField, columns } = KINDS[kind];
    if (!ids.has(row.reference!)) ids.set(row.reference!, randomUUID());
    const input: Record<string, unknown> = { participantId: ids.get(row.reference!), [dateField]: row.date, note: row.note ?? null };
    if (kind === 'ENROLLED') Object.assign(input, { city: row.city, programme: row.programme, personal: {} });
    if (kind === 'RE_ENROLLED') input.programme = row.programme;
    for (const { column, path, type } of columns) {
      const value = row[column] === undefined ? null : type.kind === 'int' ? Number(row[column]) : row[column];
      const [head, field] = path.split('.');
      if (field) (input[head!] as Record<string, unknown>)[field] = value;
      else input[head!] = value;
    }
    const answer = await gql(caseMutation(MUTATIONS[kind], 'id'), { input });
    if (answer.errors) throw new Error(`The API refused line ${JSON.stringify(row)}: ${JSON.stringify(answer.errors)}`);
  }
}
