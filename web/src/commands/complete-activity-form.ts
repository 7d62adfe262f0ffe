import { whileActivityRuns } from './availability';
import { enumChoices } from './choices';
import { dateHint, milestoneInput, noteField, occurredOnField, todayValues } from './common-fields';
import { notBefore } from './field-checks';
import type { CommandFormSpec, FormContext } from './form-spec';
import { activityStartedOn } from './spell';
import { ACTIVITY_RESULTS } from './vocabulary';

const startOfChosen = ({ caseFile, values }: FormContext): string | null => (caseFile && values.activity ? activityStartedOn(caseFile, values.activity) : null);

/** A running activity ends, completed or abandoned, not before it started (DATE_BEFORE_ACTIVITY_START). */
export const completeActivityForm: CommandFormSpec = {
  mutation: 'completeActivity',
  inputType: 'CompleteActivityInput',
  title: 'action.completeActivity',
  unavailable: whileActivityRuns,
  initialValues: (context) => ({ ...todayValues(context), activity: context.caseFile?.activeActivities.length === 1 ? context.caseFile.activeActivities[0]! : '' }),
  fields: (context) => {
    const date = occurredOnField(context);
    return [
      { name: 'activity', label: context.tr.t('field.activity'), type: 'select', required: true, choices: enumChoices(context.tr, 'activity', context.caseFile?.activeActivities ?? []) },
      { ...date, hint: dateHint(context, 'field.activityStartedHint', startOfChosen(context)), checks: [...date.checks!, notBefore(startOfChosen, 'check.beforeActivityStart')] },
      { name: 'result', label: context.tr.t('field.result'), type: 'select', required: true, choices: enumChoices(context.tr, 'activityResult', ACTIVITY_RESULTS) },
      noteField(context),
    ];
  },
  toInput: (values) => ({ ...milestoneInput(values), activity: values.activity, result: values.result }),
};
