import { whileActive } from './availability';
import { enumChoices, naceChoices } from './choices';
import { milestoneInput, noteField, numberOrNull, occurredOnField, todayValues } from './common-fields';
import { wholeNumber } from './field-checks';
import type { CommandFormSpec } from './form-spec';
import { CONTRACT_TYPES, EMPLOYER_TYPES } from './vocabulary';

/** The participant starts a job: contract, employer, sector and, when known, weekly hours (1 to 60). */
export const jobForm: CommandFormSpec = {
  mutation: 'recordJobStart',
  inputType: 'RecordJobStartInput',
  title: 'action.job',
  unavailable: whileActive,
  initialValues: todayValues,
  fields: (context) => [
    occurredOnField(context, context.tr.t('field.jobStartedOn')),
    { name: 'contractType', label: context.tr.t('field.contractType'), type: 'select', required: true, choices: enumChoices(context.tr, 'contractType', CONTRACT_TYPES) },
    { name: 'employerType', label: context.tr.t('field.employerType'), type: 'select', required: true, choices: enumChoices(context.tr, 'employerType', EMPLOYER_TYPES) },
    { name: 'sector', label: context.tr.t('field.sector'), type: 'select', required: true, choices: naceChoices(context.tr) },
    { name: 'weeklyHours', label: context.tr.t('field.weeklyHours'), type: 'number', hint: context.tr.t('field.weeklyHoursHint'), checks: [wholeNumber(1, 60)] },
    noteField(context),
  ],
  toInput: (values) => ({
    ...milestoneInput(values),
    contractType: values.contractType,
    employerType: values.employerType,
    sector: values.sector,
    weeklyHours: numberOrNull(values.weeklyHours),
  }),
};
