import { whileActive } from './availability';
import { enumChoices } from './choices';
import { milestoneInput, noteField, occurredOnField, todayValues } from './common-fields';
import { wholeNumber } from './field-checks';
import type { CommandFormSpec } from './form-spec';
import { COACHING_MODES } from './vocabulary';

/** A coaching session, individual or in a group, and how long it lasted. */
export const coachingForm: CommandFormSpec = {
  mutation: 'recordCoachingSession',
  inputType: 'RecordCoachingSessionInput',
  title: 'action.coaching',
  unavailable: whileActive,
  initialValues: todayValues,
  fields: (context) => [
    occurredOnField(context),
    { name: 'mode', label: context.tr.t('field.mode'), type: 'select', required: true, choices: enumChoices(context.tr, 'coachingMode', COACHING_MODES) },
    { name: 'durationMinutes', label: context.tr.t('field.durationMinutes'), type: 'number', required: true, hint: context.tr.t('field.durationMinutesHint'), checks: [wholeNumber(1, 600)] },
    noteField(context),
  ],
  toInput: (values) => ({ ...milestoneInput(values), mode: values.mode, durationMinutes: Number(values.durationMinutes) }),
};
