import type { TimelineMilestone } from '../api/command-types';
import { amendableIn, amendmentOf } from './amendable';
import { enumChoices, naceChoices, partnerChoices, programmeChoices } from './choices';
import { type CorrectableField, changesOf, correctableFields, draftOf, FIELD_ENTRIES, labelOf } from './correction-fields';
import { birthYear, calendarDate, notAfter, notInFuture, wholeNumber } from './field-checks';
import type { Check, CommandFormSpec, FieldSpec, FormContext } from './form-spec';
import { reasonField } from './reason-field';
import { recordedValue } from './recorded-values';

/** The milestone a correction is about, when it may be corrected. */
const corrected = ({ caseFile }: Pick<FormContext, 'caseFile'>, sequence: number): TimelineMilestone | null =>
  amendableIn(caseFile, sequence, 'correct').milestone;

/** A correctable field as the milestone's own form asks it, its value as recorded said under its label. */
function correctedField(context: FormContext, { kind, values }: TimelineMilestone, field: CorrectableField): FieldSpec {
  const { tr, city } = context;
  const entry = FIELD_ENTRIES[field];
  const asRecorded = tr.t('amend.asRecorded', { value: recordedValue(tr, city, field, values[field]) });
  const spec: FieldSpec = { name: field, label: tr.t(labelOf(kind, field)), type: 'select', required: !entry.optional, hint: asRecorded };
  switch (entry.type) {
    case 'date': {
      // Only a new date is checked against today, as the service does; an enrolment's unemployment cannot follow it.
      const own: Check =
        field === 'occurredOn'
          ? (value, c) => (value === values.occurredOn ? null : notInFuture(value, c))
          : notAfter((c) => c.values.occurredOn || null, 'check.afterEnrolment');
      return { ...spec, type: 'date', checks: [calendarDate, own] };
    }
    case 'code':
      return { ...spec, choices: enumChoices(tr, entry.messages, entry.codes) };
    case 'sector':
      return { ...spec, choices: naceChoices(tr) };
    case 'programme':
      return { ...spec, choices: programmeChoices(city) };
    case 'partner':
      return { ...spec, choices: partnerChoices(city) };
    case 'birthYear':
      return { ...spec, type: 'number', checks: [birthYear] };
    case 'number':
      return { ...spec, type: 'number', hint: `${asRecorded} ${tr.t(entry.hint)}`, checks: [wholeNumber(entry.min, entry.max)] };
  }
}

/**
 * Corrects the milestone of `sequence`: the milestone said as recorded above its correctable
 * fields, filled as recorded (each value as recorded said under it), a required reason; only the fields changed are sent, and a correction
 * that changes nothing is not.
 */
export const correctForm = (sequence: number): CommandFormSpec => ({
  mutation: 'correctMilestone',
  inputType: 'CorrectMilestoneInput',
  title: 'action.correct',
  intro: 'correct.intro',
  submit: 'correct.submit',
  ruleFields: { EXIT_WITHOUT_OUTCOME: 'exitReason' },
  ...amendmentOf(sequence, 'correct'),
  initialValues: (context) => {
    const milestone = corrected(context, sequence);
    return milestone ? draftOf(milestone) : {};
  },
  fields: (context) => {
    const milestone = corrected(context, sequence);
    if (!milestone) return [];
    const fields = correctableFields(milestone.kind).map((field) => correctedField(context, milestone, field));
    return [...fields, reasonField(context, context.tr.t('correct.reasonHint'))];
  },
  crossChecks: (values, context) => {
    const milestone = corrected(context, sequence);
    if (!milestone || Object.keys(changesOf(milestone, values)).length > 0) return {};
    return { [correctableFields(milestone.kind)[0]!]: { key: 'correct.nothingChanged' } };
  },
  toInput: (values, context) => ({ sequence, reason: values.reason, ...changesOf(corrected(context, sequence)!, values) }),
});
