import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { GraphQLError } from 'graphql';
import { type Catalogue, findCity, findProgramme } from '../catalogue/catalogue';
import { CalendarDateScalar } from '../graphql/calendar-date.scalar';
import type { JourneyCommand } from '../journey/domain/commands';
import { enrolmentInputErrors } from '../journey/domain/enrolment-input';
import type { CalendarDate } from '../journey/domain/vocabulary';
import { toFieldErrors } from '../validation/field-errors';
import { type CellType, columnOfField, COMMON_COLUMNS, type ImportableKind, IMPORTABLE_KINDS, KINDS } from './import-columns';
import type { ImportError } from './import-error';
import type { ImportRow } from './import-table';

/** A row that reads as a command of the API: whether the journey takes it is for `decide` to say. */
export interface ParsedRow {
  line: number;
  reference: string;
  kind: ImportableKind;
  occurredOn: CalendarDate;
  /** The programme a row of another kind than an enrolment names, to check against the participant's. */
  programme: string | null;
  command: JourneyCommand;
}

export interface RowContext {
  /** The importer's city: every row must be of it. */
  city: string;
  /** The participant a reference of the file stands for (./participant-ids.ts). */
  participantIdOf: (reference: string) => string;
  today: CalendarDate;
  catalogue: Catalogue;
}

/** References as the earlier system wrote them, not prose. */
export const MAX_REFERENCE_LENGTH = 100;

/**
 * Reads a row as the API reads a mutation's input: each cell by the GraphQL type of its field
 * (whole numbers, dates as YYYY-MM-DD, enum values), then the input class's class-validator rules
 * and an enrolment's checks that need no journey, as the API's validation pipe runs them. Answers
 * every error of the row at once, each with its column.
 */
export function parseRow({ line, cells }: ImportRow, context: RowContext): { row: ParsedRow } | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  const error = (column: string | null, code: ImportError['code'], message: string) => errors.push({ line, column, code, message });
  const required = (column: string): string => {
    const value = cells[column];
    if (value === undefined) error(column, 'MISSING_VALUE', `A row needs a ${column}`);
    return value ?? '';
  };

  const reference = required('reference');
  if (reference.length > MAX_REFERENCE_LENGTH) error('reference', 'BAD_USER_INPUT', `reference must be at most ${MAX_REFERENCE_LENGTH} characters`);
  const city = required('city');
  if (city !== '' && city !== context.city) {
    error('city', 'FORBIDDEN', `The row is of ${city}: this import records journeys of ${context.city} only`);
    return { errors };
  }
  const kindCell = required('kind');
  const date = required('date');
  if (kindCell === '') return { errors };
  if (!(IMPORTABLE_KINDS as readonly string[]).includes(kindCell)) {
    error('kind', 'UNKNOWN_KIND', `Unknown kind '${kindCell}': one of ${IMPORTABLE_KINDS.join(', ')}`);
    return { errors };
  }
  const kind = kindCell as ImportableKind;
  const { input, dateField, columns } = KINDS[kind];

  const plain: Record<string, unknown> = { participantId: context.participantIdOf(reference), note: cells.note ?? null };
  if (date !== '') setPath(plain, dateField, readCell(date, { kind: 'date' }, 'date', error));
  const programme = cells.programme ?? null;
  if (kind === 'ENROLLED') Object.assign(plain, { city, programme: required('programme') });
  else if (kind === 'RE_ENROLLED') plain.programme = programme;
  else if (programme !== null && !findProgramme(findCity(context.catalogue, context.city)!, programme)) {
    error('programme', 'BAD_USER_INPUT', `Unknown programme '${programme}' in ${context.city}`);
  }
  for (const { column, path, type, required: needed } of columns) {
    const value = cells[column];
    if (value === undefined) {
      if (needed) error(column, 'MISSING_VALUE', `A row of kind ${kind} needs a ${column}`);
      else setPath(plain, path, null);
    } else {
      setPath(plain, path, readCell(value, type, column, error));
    }
  }
  const own = new Set<string>([...COMMON_COLUMNS, ...columns.map((c) => c.column)]);
  for (const column of Object.keys(cells).filter((c) => !own.has(c))) {
    error(column, 'UNEXPECTED_VALUE', `A row of kind ${kind} has no ${column}: leave it empty`);
  }
  if (errors.length > 0) return { errors };

  // The API's own checks, in the API's words, once every cell has the type of its field.
  const instance = plainToInstance(input, plain);
  const fieldErrors = toFieldErrors(validateSync(instance, { forbidUnknownValues: true, validationError: { target: false, value: false } }));
  const command = instance.toCommand();
  if (command.type === 'EnrolParticipant') fieldErrors.push(...enrolmentInputErrors(command.data, context));
  for (const { field, message } of fieldErrors) error(columnOfField(kind, field), 'BAD_USER_INPUT', message);
  if (errors.length > 0) return { errors };
  return { row: { line, reference, kind, occurredOn: date, programme: kind === 'ENROLLED' || kind === 'RE_ENROLLED' ? null : programme, command } };
}

/** A cell's value as its field's GraphQL type would take it, or undefined after reporting why not. */
function readCell(value: string, type: CellType, column: string, error: (column: string, code: 'BAD_USER_INPUT', message: string) => void): unknown {
  switch (type.kind) {
    case 'text':
      return value;
    case 'int':
      if (/^-?\d{1,9}$/.test(value)) return Number(value);
      error(column, 'BAD_USER_INPUT', `${column} must be a whole number, not '${value}'`);
      return undefined;
    case 'date':
      try {
        return CalendarDateScalar.parseValue(value);
      } catch (refusal) {
        if (!(refusal instanceof GraphQLError)) throw refusal;
        error(column, 'BAD_USER_INPUT', refusal.message);
        return undefined;
      }
    case 'enum':
      if (type.values.includes(value)) return value;
      error(column, 'BAD_USER_INPUT', `${column} must be one of ${type.values.join(', ')}, not '${value}'`);
      return undefined;
  }
}

/** Sets `personal.email` as `{ personal: { email } }`. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    target[head!] = value;
    return;
  }
  target[head!] ??= {};
  setPath(target[head!] as Record<string, unknown>, rest.join('.'), value);
}
