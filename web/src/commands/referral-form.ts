import { whileActive } from './availability';
import { partnerChoices } from './choices';
import { milestoneInput, noteField, occurredOnField, todayValues } from './common-fields';
import type { CommandFormSpec } from './form-spec';

/** The participant is referred to a partner of the city's catalogue. */
export const referralForm: CommandFormSpec = {
  mutation: 'referToPartner',
  inputType: 'ReferToPartnerInput',
  title: 'action.referral',
  unavailable: whileActive,
  initialValues: todayValues,
  fields: (context) => [
    occurredOnField(context),
    { name: 'partner', label: context.tr.t('field.partner'), type: 'select', required: true, choices: partnerChoices(context.city) },
    noteField(context),
  ],
  toInput: (values) => ({ ...milestoneInput(values), partner: values.partner }),
};
