import { ALL_COLUMNS, REQUIRED_COLUMNS } from './import-columns';
import type { ImportError } from './import-error';
import type { RawLine } from './raw-table';

/** A data row of the file, its cells named by the template's columns and trimmed; a blank cell is absent. */
export interface ImportRow {
  line: number;
  cells: Readonly<Record<string, string>>;
}

/** The header's names in any case, with spaces around them, are the template's. */
const CANONICAL = new Map(ALL_COLUMNS.map((column) => [column.toLowerCase(), column]));

/**
 * The file's data rows under its header (its first line), or why the header makes the file
 * unreadable: a required column missing, a column the template does not have (a typo would lose
 * its values), a column twice. Columns with no name are left out; so are rows whose cells are all
 * blank, as spreadsheets leave them.
 */
export function rowsUnderHeader(lines: readonly RawLine[]): { rows: ImportRow[] } | { errors: ImportError[] } {
  const [header, ...data] = lines;
  const errors: ImportError[] = [];
  const columns: (string | null)[] = (header?.cells ?? []).map((name, index) => {
    const trimmed = name.trim();
    if (trimmed === '') return null;
    const column = CANONICAL.get(trimmed.toLowerCase());
    // Named by place, not repeated: a file without its header has a participant's details in line 1.
    const message = `The header's cell ${index + 1} is no column of the template: line 1 must be the header (docs/import.md)`;
    if (column === undefined) errors.push({ line: 1, column: null, code: 'UNKNOWN_COLUMN', message });
    return column ?? null;
  });
  for (const [index, column] of columns.entries()) {
    if (column !== null && columns.indexOf(column) < index) {
      errors.push({ line: 1, column, code: 'DUPLICATE_COLUMN', message: `The column '${column}' is in the header twice` });
    }
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.includes(column)) errors.push({ line: 1, column, code: 'MISSING_COLUMN', message: `The header has no column '${column}'` });
  }
  if (errors.length > 0) return { errors };
  const rows = data.flatMap(({ line, cells }) => {
    const named: Record<string, string> = {};
    for (const [index, column] of columns.entries()) {
      const value = cells[index]?.trim() ?? '';
      if (column !== null && value !== '') named[column] = value;
    }
    return Object.keys(named).length === 0 ? [] : [{ line, cells: named }];
  });
  return { rows };
}
