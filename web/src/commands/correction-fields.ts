import { CORRECTABLE_FIELDS as CORRECTABLE_BY_EVENT } from '../../../src/journey/domain/milestone-fields';
import { MILESTONE_KIND } from '../../../src/journey/domain/milestone-kind';
import type { MilestoneValues } from '../api/case-types';
import type { TimelineMilestone } from '../api/command-types';
import type { MessageKey } from '../i18n/messages/en';
import {
  ACTIVITY_KINDS,
  ACTIVITY_RESULTS,
  COACHING_MODES,
  CONTRACT_TYPES,
  EDUCATION_LEVELS,
  EMPLOYER_TYPES,
  EXIT_REASONS,
  FOLLOW_UP_STATUSES,
  GENDERS,
  INCOME_SUPPORTS,
  POSITION_LEVELS,
  SELF_EMPLOYMENT_FORMS,
} from './vocabulary';
import type { FormValues } from './form-spec';

/** A field of MilestoneValues a correction may change (the enrolment's city never: that is an exit and a new enrolment). */
export type CorrectableField = Exclude<keyof MilestoneValues, 'city'>;

/** The fields a correction may change, per kind of milestone: the service's own table (src/journey/domain/milestone-fields.ts), by the kinds the API names. */
export const CORRECTABLE_FIELDS = Object.fromEntries(
  Object.entries(CORRECTABLE_BY_EVENT).map(([type, fields]) => [MILESTONE_KIND[type as keyof typeof MILESTONE_KIND], fields]),
) as Readonly<Record<string, readonly CorrectableField[]>>;

/** The fields of a kind of milestone a correction may change; none for a kind this app does not know. */
export const correctableFields = (kind: string): readonly CorrectableField[] => CORRECTABLE_FIELDS[kind] ?? [];

/**
 * How a field is entered, and its label: a date, one of an enum's codes (named by the messages of
 * `messages`), a NACE section, a code of the city's catalogue, or a whole number (from `min` to
 * `max`, the service's bounds in src/journey/graphql/inputs; a birth year's depend on today).
 * `optional` fields may be emptied, as the service allows (a correction sends them as null).
 */
export type FieldEntry = { label: MessageKey; optional?: true } & (
  | { type: 'date' }
  | { type: 'code'; codes: readonly string[]; messages: string }
  | { type: 'sector' | 'programme' | 'partner' | 'birthYear' }
  | { type: 'number'; min: number; max: number; hint: MessageKey }
);

/** How each correctable field is entered. */
export const FIELD_ENTRIES: Readonly<Record<CorrectableField, FieldEntry>> = {
  occurredOn: { type: 'date', label: 'field.occurredOn' },
  programme: { type: 'programme', label: 'field.programme' },
  birthYear: { type: 'birthYear', label: 'field.birthYear' },
  gender: { type: 'code', codes: GENDERS, messages: 'gender', label: 'field.gender' },
  educationLevel: { type: 'code', codes: EDUCATION_LEVELS, messages: 'education', label: 'field.educationLevel' },
  positionLevel: { type: 'code', codes: POSITION_LEVELS, messages: 'positionLevel', label: 'field.positionLevel' },
  lastSector: { type: 'sector', label: 'field.lastSector' },
  unemployedSince: { type: 'date', optional: true, label: 'field.unemployedSince' },
  incomeSupport: { type: 'code', codes: INCOME_SUPPORTS, messages: 'incomeSupport', label: 'field.incomeSupport' },
  mode: { type: 'code', codes: COACHING_MODES, messages: 'coachingMode', label: 'field.mode' },
  durationMinutes: { type: 'number', min: 1, max: 600, hint: 'field.durationMinutesHint', label: 'field.durationMinutes' },
  activity: { type: 'code', codes: ACTIVITY_KINDS, messages: 'activity', label: 'field.activity' },
  provider: { type: 'partner', optional: true, label: 'field.provider' },
  result: { type: 'code', codes: ACTIVITY_RESULTS, messages: 'activityResult', label: 'field.result' },
  partner: { type: 'partner', label: 'field.partner' },
  contractType: { type: 'code', codes: CONTRACT_TYPES, messages: 'contractType', label: 'field.contractType' },
  employerType: { type: 'code', codes: EMPLOYER_TYPES, messages: 'employerType', label: 'field.employerType' },
  sector: { type: 'sector', label: 'field.sector' },
  weeklyHours: { type: 'number', optional: true, min: 1, max: 60, hint: 'field.weeklyHoursHint', label: 'field.weeklyHours' },
  form: { type: 'code', codes: SELF_EMPLOYMENT_FORMS, messages: 'selfEmploymentForm', label: 'field.form' },
  exitReason: { type: 'code', codes: EXIT_REASONS, messages: 'exitReason', label: 'field.exitReason' },
  monthsAfterExit: { type: 'number', min: 1, max: 36, hint: 'field.monthsAfterExitHint', label: 'field.monthsAfterExit' },
  status: { type: 'code', codes: FOLLOW_UP_STATUSES, messages: 'followUpStatus', label: 'field.followUpStatus' },
};

/** The date's label of the kinds whose milestone forms name it (the first day of a job, an exit date). */
const DATE_LABELS: Readonly<Record<string, MessageKey>> = {
  ENROLLED: 'field.enrolledOn',
  JOB_STARTED: 'field.jobStartedOn',
  SELF_EMPLOYMENT_STARTED: 'field.businessStartedOn',
  EXITED: 'field.exitedOn',
};

/** A field's label for a kind of milestone. */
export const labelOf = (kind: string, field: CorrectableField): MessageKey =>
  field === 'occurredOn' ? (DATE_LABELS[kind] ?? FIELD_ENTRIES.occurredOn.label) : FIELD_ENTRIES[field].label;

/** The form of a milestone as it stands: its correctable fields filled with their current values ('' for empty). */
export function draftOf({ kind, values }: Pick<TimelineMilestone, 'kind' | 'values'>): FormValues {
  return Object.fromEntries(correctableFields(kind).map((field) => [field, values[field] === null ? '' : String(values[field])]));
}

/** A value as the API takes it: a code, a date, a number, or null for an emptied field. */
export type CorrectedValue = string | number | null;

const parsed = (field: CorrectableField, text: string): CorrectedValue => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const { type } = FIELD_ENTRIES[field];
  return type === 'number' || type === 'birthYear' ? Number(trimmed) : trimmed;
};

/** The fields of the form that differ from the milestone, with their new values: all a correction sends. */
export function changesOf({ kind, values }: Pick<TimelineMilestone, 'kind' | 'values'>, form: FormValues): Partial<Record<CorrectableField, CorrectedValue>> {
  const changed = correctableFields(kind)
    .filter((field) => form[field] !== undefined)
    .map((field) => [field, parsed(field, form[field]!)] as const)
    .filter(([field, value]) => value !== values[field]);
  return Object.fromEntries(changed);
}
