/** A CSV cell, quoted when it must be (RFC 4180). */
const cell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Rows as CSV text (apart from saving it, csv.ts: no DOM here, so that tests on Node can write it). */
export const toCsv = (rows: (string | number | null | undefined)[][]): string => rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
