import { type ImportError, inFileOrder } from './import-error';

/** What an import did, or in a dry run would do: the CLI prints it, the upload answers it as JSON. */
export interface ImportReport {
  city: string;
  dryRun: boolean;
  /** Data rows read: the header and blank rows aside. */
  rows: number;
  /** Participants of the importer's city the rows name. */
  participants: number;
  /** Rows recorded by this run; in a dry run, the rows it would record. */
  recorded: number;
  /** Rows recorded before, by an earlier run of this file or of another. */
  alreadyThere: number;
  /** Rows not recorded: with an error, or of a participant with an error in another row. */
  notRecorded: number;
  /** Every error, in the order of the file. */
  errors: ImportError[];
  /** How many errors of each code. */
  errorsByCode: Record<string, number>;
}

/** A report's counts from what was done. */
export function importReport(
  { city, dryRun, rows, participants, recorded, alreadyThere }: Omit<ImportReport, 'notRecorded' | 'errors' | 'errorsByCode'>,
  errors: readonly ImportError[],
): ImportReport {
  const errorsByCode: Record<string, number> = {};
  for (const { code } of errors) errorsByCode[code] = (errorsByCode[code] ?? 0) + 1;
  return { city, dryRun, rows, participants, recorded, alreadyThere, notRecorded: rows - recorded - alreadyThere, errors: inFileOrder(errors), errorsByCode };
}

/** The report as lines for a person: every error, then the summary. */
export function reportLines(report: ImportReport): string[] {
  const errors = report.errors.map(
    ({ line, column, code, message, rule }) => `line ${line}${column === null ? '' : `, ${column}`}: ${code}${rule ? ` ${rule}` : ''}: ${message}`,
  );
  const byCode = Object.entries(report.errorsByCode).map(([code, n]) => `${code} ${n}`);
  return [
    ...errors,
    `${report.dryRun ? 'Dry run, nothing recorded' : 'Import'} for ${report.city}: ${report.rows} rows read, ${report.participants} participants`,
    `  ${report.dryRun ? 'would record' : 'recorded'} ${report.recorded} rows, already there ${report.alreadyThere}, not recorded ${report.notRecorded}`,
    `  errors: ${byCode.length === 0 ? 'none' : byCode.join(', ')}`,
  ];
}
