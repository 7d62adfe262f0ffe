import { calendarDate, freeText, notBefore, notInFuture } from './field-checks';
import type { MessageKey } from '../i18n/messages/en';
import type { FieldSpec, FormContext, FormValues } from './form-spec';

/**
 * The date of a milestone: a calendar date, not after today in the case's city, not before the
 * current spell's enrolment (DATE_IN_FUTURE, DATE_BEFORE_ENROLMENT).
 */
export const occurredOnField = ({ tr }: FormContext, label = tr.t('field.occurredOn')): FieldSpec => ({
  name: 'occurredOn',
  label,
  type: 'date',
  required: true,
  checks: [calendarDate, notInFuture, notBefore((c) => c.caseFile?.enrolledOn ?? null, 'check.beforeEnrolment')],
});

/** A field's hint naming a date of the case (when it has one), in the language's words. */
export const dateHint = ({ tr }: FormContext, key: MessageKey, date: string | null | undefined): string | undefined =>
  date ? tr.t(key, { date: tr.date(date) }) : undefined;

/** The adviser's optional note on a milestone: free text, sealed as personal data. */
export const noteField = ({ tr }: FormContext): FieldSpec => ({
  name: 'note',
  label: tr.t('field.note'),
  type: 'textarea',
  hint: tr.t('field.noteHint'),
  checks: [freeText],
});

/** A new form's date: today in the case's city. */
export const todayValues = ({ today }: FormContext): FormValues => ({ occurredOn: today });

/** An optional text as the API takes it: null when left empty. */
export const textOrNull = (value: string | undefined): string | null => (value?.trim() ? value : null);

/** An optional whole number as the API takes it: null when left empty. */
export const numberOrNull = (value: string | undefined): number | null => (value?.trim() ? Number(value) : null);

/** What every milestone's input has: its date and note. */
export const milestoneInput = (values: FormValues): { occurredOn: string; note: string | null } => ({
  occurredOn: values.occurredOn!,
  note: textOrNull(values.note),
});
