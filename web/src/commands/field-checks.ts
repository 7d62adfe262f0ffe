import type { Check, FieldSpec, FormContext, FormValues, Problem } from './form-spec';

/**
 * Client-side checks that mirror the service's (src/journey/graphql/inputs, src/journey/domain,
 * docs/journey-rules.md): a person hears of a mistake before sending, in their language. The
 * service still decides; its refusals show beside the same fields.
 */

/** Longest free text the service takes (MAX_TEXT_LENGTH). */
export const MAX_TEXT_LENGTH = 2000;
/** The earliest birth year of an enrolment, and the youngest age at enrolment (src/journey/domain/enrolment-input.ts). */
export const OLDEST_BIRTH_YEAR = 1930;
export const MINIMUM_AGE_AT_ENROLMENT = 40;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar date as YYYY-MM-DD (2007-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date as YYYY-MM-DD. */
export const calendarDate: Check = (value) => (isCalendarDate(value) ? null : { key: 'check.date' });

/** Not after today in the case's city (DATE_IN_FUTURE). */
export const notInFuture: Check = (value, { today, tr }) =>
  isCalendarDate(value) && value > today ? { key: 'check.future', values: { date: tr.date(today) } } : null;

/** Not before a date the check is made with (the enrolment, an exit, an activity's start); no check without one. */
export const notBefore =
  (earliest: (context: FormContext) => string | null, key: Problem['key']): Check =>
  (value, context) => {
    const date = earliest(context);
    return date !== null && isCalendarDate(value) && value < date ? { key, values: { date: context.tr.date(date) } } : null;
  };

/** Not after a date the check is made with (unemployed since, before the enrolment). */
export const notAfter =
  (latest: (context: FormContext) => string | null, key: Problem['key']): Check =>
  (value, context) => {
    const date = latest(context);
    return date !== null && isCalendarDate(value) && isCalendarDate(date) && value > date ? { key, values: { date: context.tr.date(date) } } : null;
  };

/** A whole number from min to max. */
export const wholeNumber =
  (min: number, max: number): Check =>
  (value) =>
    /^-?\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max ? null : { key: 'check.range', values: { min: String(min), max: String(max) } };

/** A birth year from 1930 to this year (in the city) less 40. */
export const birthYear: Check = (value, context) => wholeNumber(OLDEST_BIRTH_YEAR, Number(context.today.slice(0, 4)) - MINIMUM_AGE_AT_ENROLMENT)(value, context);

/** Free text: not only spaces, at most 2,000 characters. */
export const freeText: Check = (value) => {
  if (!/\S/.test(value)) return { key: 'check.blank' };
  return value.length > MAX_TEXT_LENGTH ? { key: 'check.tooLong', values: { max: MAX_TEXT_LENGTH } } : null;
};

/** An email address, as loosely as the service's `IsEmail` reads one: something@domain.tld, no spaces. */
export const emailAddress: Check = (value) => (/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value.trim()) ? null : { key: 'check.email' });

/** A phone number: digits, spaces, dots, dashes or brackets, an optional leading +, 3 to 30 characters. */
export const phoneNumber: Check = (value) => (/^\+?[0-9][0-9 ().-]{2,29}$/.test(value.trim()) ? null : { key: 'check.phone' });

/** One of the given values (a NACE section, a code of the catalogue). */
export const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    values.includes(value) ? null : { key: 'check.choice' };

/**
 * The problems of a form's values, by field name: a required field left empty, then each field's
 * own checks (on a value that is not empty), then the form's checks across fields for the fields
 * still without one.
 */
export function problemsOf(
  fields: readonly FieldSpec[],
  values: FormValues,
  context: FormContext,
  crossChecks?: (values: FormValues, context: FormContext) => Record<string, Problem>,
): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  for (const field of fields) {
    const value = values[field.name] ?? '';
    if (value.trim() === '') {
      if (field.required) problems[field.name] = { key: 'check.required' };
      continue;
    }
    const problem = (field.checks ?? []).reduce<Problem | null>((found, check) => found ?? check(value, context), null);
    if (problem) problems[field.name] = problem;
  }
  for (const [name, problem] of Object.entries(crossChecks?.(values, context) ?? {})) problems[name] ??= problem;
  return problems;
}
