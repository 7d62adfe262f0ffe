import { rowsUnderHeader } from '../../../src/import/import-table';
import { UnreadableFile } from '../../../src/import/raw-table';
import { readCsv } from '../../../src/import/read-csv';

const csv = (text: string) => readCsv(Buffer.from(text, 'utf8'));

describe('reading an import file', () => {
  it('given a CSV with a byte-order mark, a quoted cell over two lines and blank lines, gives each row the line it starts on', () => {
    const lines = csv('\uFEFFreference,city,programme,kind,date,note\nA,paris,paris-gatp,ENROLLED,2007-03-01\n\n"B",paris,paris-gatp,EXITED,2007-04-01,"Moved\nto Lyon"\nC,paris\n');

    expect(rowsUnderHeader(lines)).toEqual({
      rows: [
        { line: 2, cells: { reference: 'A', city: 'paris', programme: 'paris-gatp', kind: 'ENROLLED', date: '2007-03-01' } },
        { line: 4, cells: { reference: 'B', city: 'paris', programme: 'paris-gatp', kind: 'EXITED', date: '2007-04-01', note: 'Moved\nto Lyon' } },
        { line: 6, cells: { reference: 'C', city: 'paris' } },
      ],
    });
  });

  it('given a header in other cases and with spaces, names the cells by the template and trims them; rows of blank cells are left out', () => {
    const lines = csv(' Reference ,CITY,programme,Kind,date,,birthyear\n A ,paris, paris-gatp ,ENROLLED,2007-03-01,ignored,1953\n,,,,,,\n');

    expect(rowsUnderHeader(lines)).toEqual({
      rows: [{ line: 2, cells: { reference: 'A', city: 'paris', programme: 'paris-gatp', kind: 'ENROLLED', date: '2007-03-01', birthYear: '1953' } }],
    });
  });

  it('given a header without a required column, with one the template has not, or one twice, refuses the whole file at line 1', () => {
    const lines = csv('reference,city,kind,date,sectr,date\nA,paris,ENROLLED,2007-03-01,M,2007-03-01\n');

    expect(rowsUnderHeader(lines)).toEqual({
      errors: [
        { line: 1, column: null, code: 'UNKNOWN_COLUMN', message: "The header's cell 5 is no column of the template: line 1 must be the header (docs/import.md)" },
        { line: 1, column: 'date', code: 'DUPLICATE_COLUMN', message: "The column 'date' is in the header twice" },
        { line: 1, column: 'programme', code: 'MISSING_COLUMN', message: "The header has no column 'programme'" },
      ],
    });
  });

  it('given an empty file, says which columns it lacks', () => {
    expect(rowsUnderHeader(csv(''))).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ code: 'MISSING_COLUMN', column: 'reference' })]) });
  });

  it('given a quote that never closes, says the file is unreadable as CSV and where', () => {
    expect(() => csv('reference,city\n"A,paris\n')).toThrow(new UnreadableFile('The file is not readable as CSV (CSV_QUOTE_NOT_CLOSED): a cell with a quote must be quoted, its quotes doubled', 2));
  });
});
