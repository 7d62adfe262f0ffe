import { whileActive } from './availability';
import { enumChoices, naceChoices } from './choices';
import { milestoneInput, noteField, occurredOnField, todayValues } from './common-fields';
import type { CommandFormSpec } from './form-spec';
import { SELF_EMPLOYMENT_FORMS } from './vocabulary';

/** The participant starts a business: its legal form and sector. */
export const selfEmploymentForm: CommandFormSpec = {
  mutation: 'recordSelfEmployment',
  inputType: 'RecordSelfEmploymentInput',
  title: 'action.selfEmployment',
  unavailable: whileActive,
  initialValues: todayValues,
  fields: (context) => [
    occurredOnField(context, context.tr.t('field.businessStartedOn')),
    { name: 'form', label: context.tr.t('field.form'), type: 'select', required: true, choices: enumChoices(context.tr, 'selfEmploymentForm', SELF_EMPLOYMENT_FORMS) },
    { name: 'sector', label: context.tr.t('field.sector'), type: 'select', required: true, choices: naceChoices(context.tr) },
    noteField(context),
  ],
  toInput: (values) => ({ ...milestoneInput(values), form: values.form, sector: values.sector }),
};
