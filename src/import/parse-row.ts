import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { GraphQLError } from 'graphql';
import { type Catalogue, type CityEntry, findCity, findProgramme, hasPartner } from '../catalogue/catalogue';
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
 * every error of the row at once, each with its column. No message repeats a cell's value: a row
 * with a cell missing or one too many shifts a personal detail into another column, and the
 * report goes to a terminal, a log or an HTTP answer. A message says what the column takes.
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
    error('city', 'FORBIDDEN', `The row is of another city than ${context.city}: this import records journeys of ${context.city} only`);
    return { errors };
  }
  const kindCell = required('kind');
  const date = required('date');
  if (kindCell === '') return { errors };
  if (!(IMPORTABLE_KINDS as readonly string[]).includes(kindCell)) {
    error('kind', 'UNKNOWN_KIND', `kind must be one of: ${IMPORTABLE_KINDS.join(', ')}`);
    return { errors };
  }
  const kind = kindCell as ImportableKind;
  const { input, dateField, columns } = KINDS[kind];
  const cityEntry = findCity(context.catalogue, context.city)!;

  const plain: Record<string, unknown> = { participantId: context.participantIdOf(reference), note: cells.note ?? null };
  if (date !== '') setPath(plain, dateField, readCell(date, { kind: 'date' }, 'date', cityEntry, error));
  const programme = cells.programme ?? null;
  if (kind === 'ENROLLED') Object.assign(plain, { city, programme: required('programme') });
  else if (kind === 'RE_ENROLLED') plain.programme = programme;
  // Kept aside so that an unknown programme does not hide the API's checks of an enrolment's other values.
  const unknownProgramme: ImportError[] =
    programme === null || findProgramme(cityEntry, programme)
      ? []
      : [{ line, column: 'programme', code: 'BAD_USER_INPUT', message: `programme must be one of the programmes of ${context.city}: ${codesOf(cityEntry.programmes)}` }];
  for (const { column, path, type, required: needed } of columns) {
    const value = cells[column];
    if (value === undefined) {
      if (needed) error(column, 'MISSING_VALUE', `A row of kind ${kind} needs a ${column}`);
      else setPath(plain, path, null);
    } else {
      setPath(plain, path, readCell(value, type, column, cityEntry, error));
    }
  }
  const own = new Set<string>([...COMMON_COLUMNS, ...columns.map((c) => c.column)]);
  for (const column of Object.keys(cells).filter((c) => !own.has(c))) {
    error(column, 'UNEXPECTED_VALUE', `A row of kind ${kind} has no ${column}: leave it empty`);
  }
  if (errors.length > 0) return { errors: [...errors, ...unknownProgramme] };

  // The API's own checks, in the API's words, once every cell has the type of its field.
  const instance = plainToInstance(input, plain);
  const fieldErrors = toFieldErrors(validateSync(instance, { forbidUnknownValues: true, validationError: { target: false, value: false } }));
  const command = instance.toCommand();
  // The programme is checked above, in words that do not repeat it.
  if (command.type === 'EnrolParticipant') fieldErrors.push(...enrolmentInputErrors(command.data, context).filter(({ field }) => field !== 'programme'));
  for (const { field, message } of fieldErrors) error(columnOfField(kind, field), 'BAD_USER_INPUT', message);
  errors.push(...unknownProgramme);
  if (errors.length > 0) return { errors };
  return { row: { line, reference, kind, occurredOn: date, programme: kind === 'ENROLLED' || kind === 'RE_ENROLLED' ? null : programme, command } };
}

/** A cell's value as its field's GraphQL type would take it, or undefined after saying what the column takes. */
function readCell(
  value: string,
  type: CellType,
  column: string,
  city: CityEntry,
  error: (column: string, code: 'BAD_USER_INPUT', message: string) => void,
): unknown {
  switch (type.kind) {
    case 'text':
      return value;
    case 'int':
      if (/^-?\d{1,9}$/.test(value)) return Number(value);
      error(column, 'BAD_USER_INPUT', `${column} must be a whole number`);
      return undefined;
    case 'date':
      try {
        return CalendarDateScalar.parseValue(value);
      } catch (refusal) {
        if (!(refusal instanceof GraphQLError)) throw refusal;
        // The scalar's own message quotes the value.
        error(column, 'BAD_USER_INPUT', `${column} must be a date YYYY-MM-DD, a day of the calendar`);
        return undefined;
      }
    case 'enum':
      if (type.values.includes(value)) return value;
      error(column, 'BAD_USER_INPUT', `${column} must be one of: ${type.values.join(', ')}`);
      return undefined;
    case 'partner':
      if (hasPartner(city, value)) return value;
      error(column, 'BAD_USER_INPUT', `${column} must be one of the partners of ${city.code}: ${codesOf(city.partners)}`);
      return undefined;
  }
}

const codesOf = (entries: readonly { code: string }[]): string => entries.map((e) => e.code).join(', ');

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
