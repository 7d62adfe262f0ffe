import { amendableMilestone } from './amendable';
import type { CommandFormSpec } from './form-spec';
import { reasonField } from './reason-field';
import { milestoneDescription } from './recorded-values';

/**
 * Voids the milestone of `sequence`: a warning that it stays in the case file marked voided, the
 * milestone said as recorded, and a required reason.
 */
export const voidForm = (sequence: number): CommandFormSpec => ({
  mutation: 'voidMilestone',
  inputType: 'VoidMilestoneInput',
  title: 'action.void',
  intro: 'void.intro',
  submit: 'void.submit',
  unavailable: ({ caseFile }) => (caseFile ? amendableMilestone(caseFile.timeline, sequence, 'void').refusal : 'amend.noSuchMilestone'),
  before: ({ caseFile, tr, city }) => {
    const { milestone } = amendableMilestone(caseFile?.timeline ?? [], sequence, 'void');
    return milestone && tr.t('void.milestone', { milestone: milestoneDescription(tr, city, milestone) });
  },
  fields: (context) => [reasonField(context, context.tr.t('void.reasonHint'))],
  toInput: (values) => ({ sequence, reason: values.reason }),
});
