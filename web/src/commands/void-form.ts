import { amendableMilestone } from './amendable';
import type { CommandFormSpec } from './form-spec';
import { reasonField } from './reason-field';
import { milestoneDescription } from './recorded-values';

/**
 * Voids the milestone of `sequence`: the milestone said as recorded, a warning that it stays in
 * the case file marked voided, and a required reason.
 */
export const voidForm = (sequence: number): CommandFormSpec => ({
  mutation: 'voidMilestone',
  inputType: 'VoidMilestoneInput',
  title: 'action.void',
  intro: 'void.intro',
  submit: 'void.submit',
  unavailable: ({ caseFile }) => (caseFile ? amendableMilestone(caseFile.timeline, sequence, 'void').refusal : 'amend.noSuchMilestone'),
  fields: (context) => {
    const { milestone } = amendableMilestone(context.caseFile?.timeline ?? [], sequence, 'void');
    if (!milestone) return [];
    return [reasonField(context, context.tr.t('void.reasonHint', { milestone: milestoneDescription(context.tr, context.city, milestone) }))];
  },
  toInput: (values) => ({ sequence, reason: values.reason }),
});
