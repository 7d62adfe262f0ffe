import type { LifePath } from './anonymise-release';
import type { LifePathStep } from './life-path-record';

const HEADER = [
  'pseudonym',
  'city',
  'programme',
  'entry_period',
  'age_band',
  'gender',
  'education_level',
  'sector_group',
  'outcome',
  'steps',
] as const;

/** Pages of paths as RFC 4180 CSV, a page's lines at a time as they are read: header row, CRLF line ends, null as an empty field. */
export async function* lifePathsCsv(pages: AsyncIterable<readonly LifePath[]> | Iterable<readonly LifePath[]>): AsyncIterable<string> {
  yield lineOf(HEADER);
  for await (const paths of pages) yield paths.map((path) => lineOf(rowOf(path))).join('');
}

const lineOf = (row: readonly (string | null)[]): string => `${row.map(csvField).join(',')}\r\n`;

function rowOf(path: LifePath): (string | null)[] {
  return [
    path.pseudonym,
    path.city,
    path.programme,
    path.entryPeriod,
    path.ageBand,
    path.gender,
    path.educationLevel,
    path.sectorGroup,
    path.outcome,
    path.steps.map(encodeStep).join('|'),
  ];
}

/** `month:KIND:detail`; the detail may itself hold colons ('IT_TRAINING:COMPLETED'). */
export const encodeStep = ({ month, kind, detail }: LifePathStep): string => `${month}:${kind}:${detail ?? ''}`;

function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
