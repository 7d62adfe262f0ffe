import { CsvError, parse } from 'csv-parse/sync';
import { type RawLine, UnreadableFile } from './raw-table';

/**
 * The lines of a CSV file (UTF-8, with or without a byte-order mark, comma-separated, quoted as
 * RFC 4180 says). A short line is read as it is: the cells it lacks are empty.
 */
export function readCsv(bytes: Buffer): RawLine[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it ends in the file: the type of the call does not say so.
    records = parse(bytes, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    // By csv-parse's code, not its message: some messages quote the cell.
    if (error instanceof CsvError) {
      throw new UnreadableFile(`The file is not readable as CSV (${error.code}): a cell with a quote must be quoted, its quotes doubled`, typeof error.lines === 'number' ? error.lines : 1);
    }
    throw error;
  }
  // csv-parse counts the line a record ends on; a quoted cell may span lines.
  return records.map(({ record, info }) => ({
    line: info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
}
