import { enumChoices, naceChoices, programmeChoices } from './choices';
import { noteField, textOrNull } from './common-fields';
import { birthYear, calendarDate, emailAddress, freeText, notAfter, notInFuture, phoneNumber } from './field-checks';
import type { CommandFormSpec, FormValues } from './form-spec';
import { EDUCATION_LEVELS, GENDERS, INCOME_SUPPORTS, POSITION_LEVELS } from './vocabulary';

/** The name and contact details as the API takes them (PersonalDetailsInput): trimmed, null for an empty contact. */
export const personalInput = (values: FormValues) => ({
  fullName: values.fullName!.trim(),
  email: textOrNull(values.email)?.trim() ?? null,
  phone: textOrNull(values.phone)?.trim() ?? null,
});

/**
 * A participant enrols in a programme of the adviser's city: the profile the figures count, and
 * the personal details, sealed by the service. The form chooses the participant's id, so that a
 * retry cannot enrol twice.
 */
export const enrolForm: CommandFormSpec = {
  mutation: 'enrolParticipant',
  inputType: 'EnrolParticipantInput',
  title: 'action.enrol',
  submit: 'form.enrol',
  ruleFields: { DATE_IN_FUTURE: 'enrolledOn' },
  initialValues: ({ today, city }) => ({ enrolledOn: today, programme: city.programmes.length === 1 ? city.programmes[0]!.code : '' }),
  fields: (context) => {
    const { tr, city } = context;
    return [
      { name: 'enrolledOn', label: tr.t('field.enrolledOn'), type: 'date', required: true, checks: [calendarDate, notInFuture] },
      { name: 'programme', label: tr.t('field.programme'), type: 'select', required: true, choices: programmeChoices(city) },
      { name: 'fullName', path: 'personal.fullName', label: tr.t('field.fullName'), type: 'text', required: true, autocomplete: 'off', checks: [freeText] },
      { name: 'email', path: 'personal.email', label: tr.t('field.email'), type: 'email', autocomplete: 'off', checks: [emailAddress] },
      { name: 'phone', path: 'personal.phone', label: tr.t('field.phone'), type: 'tel', autocomplete: 'off', hint: tr.t('field.phoneHint'), checks: [phoneNumber] },
      { name: 'birthYear', label: tr.t('field.birthYear'), type: 'number', required: true, checks: [birthYear] },
      { name: 'gender', label: tr.t('field.gender'), type: 'select', required: true, choices: enumChoices(tr, 'gender', GENDERS) },
      { name: 'educationLevel', label: tr.t('field.educationLevel'), type: 'select', required: true, choices: enumChoices(tr, 'education', EDUCATION_LEVELS) },
      { name: 'positionLevel', label: tr.t('field.positionLevel'), type: 'select', required: true, choices: enumChoices(tr, 'positionLevel', POSITION_LEVELS) },
      { name: 'lastSector', label: tr.t('field.lastSector'), type: 'select', required: true, choices: naceChoices(tr) },
      {
        name: 'unemployedSince',
        label: tr.t('field.unemployedSince'),
        type: 'date',
        checks: [calendarDate, notAfter((c) => c.values.enrolledOn || null, 'check.afterEnrolment')],
      },
      { name: 'incomeSupport', label: tr.t('field.incomeSupport'), type: 'select', required: true, choices: enumChoices(tr, 'incomeSupport', INCOME_SUPPORTS) },
      noteField(context),
    ];
  },
  toInput: (values, { city }) => ({
    city: city.code,
    programme: values.programme,
    enrolledOn: values.enrolledOn,
    birthYear: Number(values.birthYear),
    gender: values.gender,
    educationLevel: values.educationLevel,
    positionLevel: values.positionLevel,
    lastSector: values.lastSector,
    unemployedSince: textOrNull(values.unemployedSince),
    incomeSupport: values.incomeSupport,
    personal: personalInput(values),
    note: textOrNull(values.note),
  }),
};
