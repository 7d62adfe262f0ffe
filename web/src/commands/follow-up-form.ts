import { addMonths } from '../../../src/journey/domain/milestone-rules';
import { afterExit } from './availability';
import { enumChoices } from './choices';
import { dateHint, milestoneInput, noteField, occurredOnField } from './common-fields';
import { isCalendarDate, notBefore, wholeNumber } from './field-checks';
import type { CommandFormSpec, FormContext, FormValues, Problem } from './form-spec';
import { FOLLOW_UP_STATUSES } from './vocabulary';

/** The days a follow-up N months after the exit may be dated: within a month of that day (FOLLOW_UP_OUT_OF_WINDOW). */
export function followUpWindow(exitedOn: string, monthsAfterExit: number): { from: string; to: string } {
  const due = addMonths(exitedOn, monthsAfterExit);
  return { from: addMonths(due, -1), to: addMonths(due, 1) };
}

function windowProblems({ occurredOn = '', monthsAfterExit = '' }: FormValues, { caseFile, tr }: FormContext): Record<string, Problem> {
  const exitedOn = caseFile?.exitedOn;
  const months = Number(monthsAfterExit);
  if (!exitedOn || !isCalendarDate(occurredOn) || !Number.isInteger(months) || months < 1 || months > 36) return {};
  const { from, to } = followUpWindow(exitedOn, months);
  return occurredOn < from || occurredOn > to ? { occurredOn: { key: 'check.followUpWindow', values: { months, from: tr.date(from), to: tr.date(to) } } } : {};
}

/** How a participant fares some months after leaving: dated within a month of the exit plus those months. */
export const followUpForm: CommandFormSpec = {
  mutation: 'recordFollowUp',
  inputType: 'RecordFollowUpInput',
  title: 'action.followUp',
  unavailable: afterExit,
  initialValues: ({ today }) => ({ occurredOn: today, monthsAfterExit: '6' }),
  crossChecks: windowProblems,
  fields: (context) => {
    const date = occurredOnField(context);
    return [
      { name: 'monthsAfterExit', label: context.tr.t('field.monthsAfterExit'), type: 'number', required: true, hint: context.tr.t('field.monthsAfterExitHint'), checks: [wholeNumber(1, 36)] },
      {
        ...date,
        hint: dateHint(context, 'field.followUpDateHint', context.caseFile?.exitedOn),
        checks: [...date.checks!, notBefore((c) => c.caseFile?.exitedOn ?? null, 'check.beforeExit')],
      },
      { name: 'status', label: context.tr.t('field.followUpStatus'), type: 'select', required: true, choices: enumChoices(context.tr, 'followUpStatus', FOLLOW_UP_STATUSES) },
      noteField(context),
    ];
  },
  toInput: (values) => ({ ...milestoneInput(values), monthsAfterExit: Number(values.monthsAfterExit), status: values.status }),
};
