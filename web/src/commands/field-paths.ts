import type { FieldError } from '../api/failure';
import type { FieldSpec } from './form-spec';

/** The service's refusals of a form's values: the messages beside each field, by field name, and those of no field. */
export interface PlacedFieldErrors {
  byField: Record<string, string[]>;
  unmatched: FieldError[];
}

/**
 * A path of the service's fieldErrors relative to the mutation's input: the service names fields
 * below the argument (`occurredOn`, `personal.email`), but a path may also come with the
 * argument's name in front (`input.occurredOn`).
 */
export const inputPath = (path: string): string => path.replace(/^input(?:\.|$)/, '');

/** Places each of the service's field errors beside the form's field of that path; the rest go to the summary. */
export function placeFieldErrors(fieldErrors: readonly FieldError[], fields: readonly Pick<FieldSpec, 'name' | 'path'>[]): PlacedFieldErrors {
  const placed: PlacedFieldErrors = { byField: {}, unmatched: [] };
  for (const error of fieldErrors) {
    const path = inputPath(error.field);
    const field = fields.find((f) => (f.path ?? f.name) === path);
    if (field) (placed.byField[field.name] ??= []).push(error.message);
    else placed.unmatched.push(error);
  }
  return placed;
}
