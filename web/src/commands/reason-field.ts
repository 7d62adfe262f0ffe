import { freeText } from './field-checks';
import type { FieldSpec, FormContext } from './form-spec';

/** Why a milestone is corrected or voided, or the data erased: required free text, sealed as personal data. */
export const reasonField = ({ tr }: Pick<FormContext, 'tr'>, hint: string): FieldSpec => ({
  name: 'reason',
  label: tr.t('amend.reason'),
  type: 'textarea',
  required: true,
  hint,
  checks: [freeText],
});
