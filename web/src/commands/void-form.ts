import { amendmentOf } from './amendable';
import type { CommandFormSpec } from './form-spec';
import { reasonField } from './reason-field';

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
  ...amendmentOf(sequence, 'void'),
  fields: (context) => [reasonField(context, context.tr.t('void.reasonHint'))],
  toInput: (values) => ({ sequence, reason: values.reason }),
});
