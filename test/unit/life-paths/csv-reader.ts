import type { LifePath } from '../../../src/life-paths/anonymise-release';
import { lifePathsCsv } from '../../../src/life-paths/life-paths-csv';

/** The CSV of `paths`, as one text. */
export async function csvOf(paths: readonly LifePath[]): Promise<string> {
  let text = '';
  for await (const lines of lifePathsCsv([paths])) text += lines;
  return text;
}

/** A strict RFC 4180 reader, so that tests check what a spreadsheet or R would read back. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      const close = closingQuote(text, i + 1);
      field = text.slice(i + 1, close).replaceAll('""', '"');
      i = close + 1;
      if (i < text.length && text[i] !== ',' && !text.startsWith('\r\n', i)) throw new Error(`text after a quote at ${i}`);
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      endField();
      rows.push(row);
      row = [];
      i += 2;
    } else if (c === '"' || c === '\r' || c === '\n') {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last row without CRLF');
  return rows;
}

function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i += 1;
    else return i;
  }
  throw new Error('unterminated quote');
}
