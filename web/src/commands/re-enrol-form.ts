import { afterExit } from './availability';
import { programmeChoices } from './choices';
import { dateHint, milestoneInput, noteField, occurredOnField, textOrNull, todayValues } from './common-fields';
import { notBefore } from './field-checks';
import type { CommandFormSpec } from './form-spec';

/** A participant who left comes back: a new spell, in the same programme or another of the city. */
export const reEnrolForm: CommandFormSpec = {
  mutation: 'reEnrolParticipant',
  inputType: 'ReEnrolParticipantInput',
  title: 'action.reEnrol',
  unavailable: afterExit,
  initialValues: (context) => ({ ...todayValues(context), programme: context.caseFile?.programme ?? '' }),
  fields: (context) => {
    const date = occurredOnField(context);
    return [
      {
        ...date,
        hint: dateHint(context, 'field.exitedOnHint', context.caseFile?.exitedOn),
        checks: [...date.checks!, notBefore((c) => c.caseFile?.exitedOn ?? null, 'check.beforeExit')],
      },
      { name: 'programme', label: context.tr.t('field.programme'), type: 'select', required: true, choices: programmeChoices(context.city) },
      noteField(context),
    ];
  },
  toInput: (values) => ({ ...milestoneInput(values), programme: textOrNull(values.programme) }),
};
