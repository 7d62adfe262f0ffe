import type { RuleCode } from '../journey/domain/errors';

/**
 * Why a row, or the whole file, is not imported (docs/import.md lists them). A value or a rule
 * the API would refuse has the API's code (`BAD_USER_INPUT`, `RULE_VIOLATION`, `FORBIDDEN`, and
 * those of a store that fails while recording); the others are about the file's shape.
 */
export type ImportErrorCode =
  | 'UNREADABLE_FILE'
  | 'MISSING_COLUMN'
  | 'UNKNOWN_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'MISSING_VALUE'
  | 'UNEXPECTED_VALUE'
  | 'UNKNOWN_KIND'
  | 'OTHER_PROGRAMME'
  | 'BAD_USER_INPUT'
  | 'FORBIDDEN'
  | 'RULE_VIOLATION'
  | (string & {});

/** One error of an import, where a person finds it in the file: line 1 is the header. */
export interface ImportError {
  line: number;
  /** The column's name in the template; null for the whole line. */
  column: string | null;
  code: ImportErrorCode;
  message: string;
  /** The journey rule broken, for RULE_VIOLATION. */
  rule?: RuleCode;
}

/** Errors in the order of the file: by line, then column. */
export const inFileOrder = (errors: readonly ImportError[]): ImportError[] =>
  [...errors].sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));

/**
 * A message of the service about a row (a journey rule's), with the row's date put as words: a
 * date shifted from another column may be a personal one, a birth date (parse-row.ts).
 */
export const withoutRowDate = (message: string, occurredOn: string): string => message.replaceAll(occurredOn, "(the row's date)");
