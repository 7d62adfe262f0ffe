import { whileActive } from './availability';
import { enumChoices } from './choices';
import { dateHint, milestoneInput, noteField, occurredOnField, todayValues } from './common-fields';
import { notBefore } from './field-checks';
import type { CommandFormSpec, FormContext, FormValues, Problem } from './form-spec';
import { lastStepOn, spellHas } from './spell';
import { EXIT_REASONS } from './vocabulary';

/** An exit for employment or self-employment needs that outcome in the spell (EXIT_WITHOUT_OUTCOME). */
function outcomeProblems({ reason }: FormValues, { caseFile }: FormContext): Record<string, Problem> {
  if (!caseFile) return {};
  if (reason === 'EMPLOYMENT' && !spellHas(caseFile, 'JOB_STARTED')) return { reason: { key: 'check.exitWithoutJob' } };
  if (reason === 'SELF_EMPLOYMENT' && !spellHas(caseFile, 'SELF_EMPLOYMENT_STARTED')) return { reason: { key: 'check.exitWithoutBusiness' } };
  return {};
}

/** The participant leaves the programme, for a reason, not before a step of the spell (DATE_BEFORE_LAST_MILESTONE). */
export const exitForm: CommandFormSpec = {
  mutation: 'recordExit',
  inputType: 'RecordExitInput',
  title: 'action.exit',
  unavailable: whileActive,
  initialValues: todayValues,
  ruleFields: { EXIT_WITHOUT_OUTCOME: 'reason' },
  crossChecks: outcomeProblems,
  fields: (context) => {
    const date = occurredOnField(context, context.tr.t('field.exitedOn'));
    return [
      {
        ...date,
        hint: dateHint(context, 'field.lastStepHint', context.caseFile && lastStepOn(context.caseFile)),
        checks: [...date.checks!, notBefore((c) => (c.caseFile ? lastStepOn(c.caseFile) : null), 'check.beforeLastMilestone')],
      },
      { name: 'reason', label: context.tr.t('field.exitReason'), type: 'select', required: true, choices: enumChoices(context.tr, 'exitReason', EXIT_REASONS) },
      noteField(context),
    ];
  },
  toInput: (values) => ({ ...milestoneInput(values), reason: values.reason }),
};
