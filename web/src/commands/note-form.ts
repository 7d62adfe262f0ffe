import { whileNotErased } from './availability';
import { textOrNull } from './common-fields';
import { calendarDate, freeText, notBefore, notInFuture } from './field-checks';
import type { CommandFormSpec, FormContext } from './form-spec';

/** The first enrolment's date as it stands: a note is about a day from then to today. */
const firstEnrolledOn = ({ caseFile }: FormContext): string | null =>
  caseFile?.timeline.find((m) => m.kind === 'ENROLLED' && !m.voided)?.values.occurredOn ?? null;

/** A note on the case that belongs to no milestone: its text (personal data, sealed), and the day it is about. */
export const noteForm: CommandFormSpec = {
  mutation: 'addNote',
  inputType: 'AddNoteInput',
  title: 'action.note',
  unavailable: whileNotErased,
  initialValues: ({ today }) => ({ writtenOn: today }),
  ruleFields: { DATE_IN_FUTURE: 'writtenOn', DATE_BEFORE_ENROLMENT: 'writtenOn' },
  fields: ({ tr }) => [
    { name: 'text', label: tr.t('note.text'), type: 'textarea', required: true, hint: tr.t('field.noteHint'), checks: [freeText] },
    {
      name: 'writtenOn',
      label: tr.t('note.writtenOn'),
      type: 'date',
      hint: tr.t('note.writtenOnHint'),
      checks: [calendarDate, notInFuture, notBefore(firstEnrolledOn, 'check.beforeEnrolment')],
    },
  ],
  toInput: (values) => ({ text: values.text, writtenOn: textOrNull(values.writtenOn) }),
};
