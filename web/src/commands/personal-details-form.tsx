import { whileNotErased } from './availability';
import { enrolForm, personalInput } from './enrol-form';
import type { CommandFormSpec } from './form-spec';
import { PersonalDetailsChoice } from './personal-details-choice';

/** The personal details' fields: the enrolment's, the same labels and checks. */
const PERSONAL_FIELDS = ['fullName', 'email', 'phone'];

/**
 * New name and contact details, in full (what is left empty is no longer known): the fields wait
 * for the adviser to load the current details into them or to type new ones.
 */
export const personalDetailsForm: CommandFormSpec = {
  mutation: 'updatePersonalDetails',
  inputType: 'UpdatePersonalDetailsInput',
  title: 'action.personalDetails',
  intro: 'personalDetails.intro',
  unavailable: whileNotErased,
  before: ({ caseFile }, fill) => fill && <PersonalDetailsChoice caseId={caseFile!.id} fill={fill} />,
  fieldsWait: true,
  fields: (context) => enrolForm.fields(context).filter((field) => PERSONAL_FIELDS.includes(field.name)),
  toInput: (values) => ({ personal: personalInput(values) }),
};
