import ExcelJS from 'exceljs';
import { type RawLine, UnreadableFile } from './raw-table';

/**
 * The rows of the first worksheet of an Excel workbook (.xlsx), each cell as the text the template
 * expects: a date cell as YYYY-MM-DD, a number as written, a formula as its result.
 */
export async function readXlsx(bytes: Buffer): Promise<RawLine[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its Buffer as an ArrayBuffer-backed one; any Node Buffer reads.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new UnreadableFile(`The file is not readable as an Excel workbook (.xlsx): ${error instanceof Error ? error.message : String(error)}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile('The workbook has no worksheet');
  const lines: RawLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    lines.push({ line: rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return lines;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel keeps a date as a day number; exceljs gives it as midnight UTC of that day.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}
