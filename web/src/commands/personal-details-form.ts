import type { CaseForForm } from '../api/command-types';
import { textOrNull } from './common-fields';
import { enrolForm } from './enrol-form';
import type { CommandFormSpec, FormValues } from './form-spec';
import { whileNotErased } from './note-form';

/** The personal details' fields: the enrolment's, the same labels and checks. */
const PERSONAL_FIELDS = ['fullName', 'email', 'phone'];

/** The form's values of the details the service decrypted on request (none once erased). */
export const personalValues = (personal: CaseForForm['personal']): FormValues =>
  personal ? { fullName: personal.fullName, email: personal.email ?? '', phone: personal.phone ?? '' } : {};

/**
 * New name and contact details, in full (what is left empty is no longer known), starting from
 * `start`: empty, or the current details when the adviser asked to load them.
 */
export const personalDetailsForm = (start: FormValues): CommandFormSpec => ({
  mutation: 'updatePersonalDetails',
  inputType: 'UpdatePersonalDetailsInput',
  title: 'action.personalDetails',
  intro: 'personalDetails.intro',
  unavailable: whileNotErased,
  initialValues: () => start,
  fields: (context) => enrolForm.fields(context).filter((field) => PERSONAL_FIELDS.includes(field.name)),
  toInput: (values) => ({
    personal: { fullName: values.fullName!.trim(), email: textOrNull(values.email)?.trim() ?? null, phone: textOrNull(values.phone)?.trim() ?? null },
  }),
});
