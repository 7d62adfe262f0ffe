/** A line of a file as read, before its header gives the cells names. */
export interface RawLine {
  /** Where the line starts in the file (the spreadsheet's row number). */
  line: number;
  cells: string[];
}

/** The file could not be read as its format says: nothing of it is imported. */
export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';
  constructor(
    message: string,
    /** Where the reader gave up, when it says. */
    readonly line = 1,
  ) {
    super(message);
  }
}

/** The formats an import reads. */
export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
