/** A CSV cell, quoted when it must be (RFC 4180). */
const cell = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Rows as CSV text. */
export const toCsv = (rows: (string | number | null | undefined)[][]): string => rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';

/** Saves a blob as a file through a temporary link: no page change, nothing left behind. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
