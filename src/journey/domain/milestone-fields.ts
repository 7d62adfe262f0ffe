import type { MilestoneEvent, MilestoneValues } from './events';
import type * as v from './vocabulary';

/**
 * A milestone's values as one flat record, named as clients name them: the enrolment's profile
 * fields side by side with the rest, and an exit's reason as `exitReason` (a correction has a
 * reason of its own).
 */
export interface CorrectedFields {
  occurredOn?: v.CalendarDate;
  /** Never correctable: a move between cities is an exit and a new enrolment. */
  city?: string;
  programme?: string;
  birthYear?: number;
  gender?: v.Gender;
  educationLevel?: v.EducationLevel;
  positionLevel?: v.PositionLevel;
  lastSector?: string;
  unemployedSince?: v.CalendarDate | null;
  incomeSupport?: v.IncomeSupport;
  mode?: v.CoachingMode;
  durationMinutes?: number;
  activity?: v.ActivityKind;
  provider?: string | null;
  result?: v.ActivityResult;
  partner?: string;
  contractType?: v.ContractType;
  employerType?: v.EmployerType;
  sector?: string;
  weeklyHours?: number | null;
  form?: v.SelfEmploymentForm;
  exitReason?: v.ExitReason;
  monthsAfterExit?: number;
  status?: v.FollowUpStatus;
}

export type CorrectedField = keyof CorrectedFields;

const PROFILE_FIELDS = ['birthYear', 'gender', 'educationLevel', 'positionLevel', 'lastSector', 'unemployedSince', 'incomeSupport'] as const;

/** The fields a correction may change, per kind of milestone. An erasure is no step to correct. */
export const CORRECTABLE_FIELDS: Readonly<Record<MilestoneEvent['type'], readonly CorrectedField[]>> = {
  ParticipantEnrolled: ['occurredOn', 'programme', ...PROFILE_FIELDS],
  CoachingSessionHeld: ['occurredOn', 'mode', 'durationMinutes'],
  ActivityStarted: ['occurredOn', 'activity', 'provider'],
  ActivityCompleted: ['occurredOn', 'activity', 'result'],
  ReferredToPartner: ['occurredOn', 'partner'],
  JobStarted: ['occurredOn', 'contractType', 'employerType', 'sector', 'weeklyHours'],
  SelfEmploymentStarted: ['occurredOn', 'form', 'sector'],
  ParticipantExited: ['occurredOn', 'exitReason'],
  FollowUpRecorded: ['occurredOn', 'monthsAfterExit', 'status'],
  ParticipantReEnrolled: ['occurredOn', 'programme'],
  PersonalDataErased: [],
};

/** The milestone's values, flat. */
export function fieldsOf(event: MilestoneEvent): CorrectedFields {
  const { participantId: _id, personal: _personal, note: _note, profile, reason, ...rest } = event.data as Record<string, unknown> & {
    profile?: object;
    reason?: string;
  };
  if (event.type === 'ParticipantEnrolled') return { ...rest, ...profile } as CorrectedFields;
  if (event.type === 'ParticipantExited') return { ...rest, exitReason: reason } as CorrectedFields;
  return rest as CorrectedFields;
}

/** The milestone with the given fields changed; the fields must be of its kind. */
export function withFields<E extends MilestoneEvent>(event: E, changes: CorrectedFields): E {
  const own = (field: CorrectedField) => CORRECTABLE_FIELDS[event.type].includes(field) && changes[field] !== undefined;
  const picked = (fields: readonly CorrectedField[]) => Object.fromEntries(fields.filter(own).map((f) => [f, changes[f]]));
  const data: Record<string, unknown> = { ...event.data, ...picked(CORRECTABLE_FIELDS[event.type]) };
  if (event.type === 'ParticipantEnrolled') {
    for (const field of PROFILE_FIELDS) delete data[field];
    data.profile = { ...event.data.profile, ...picked(PROFILE_FIELDS) };
  }
  if (event.type === 'ParticipantExited') {
    delete data.exitReason;
    if (changes.exitReason !== undefined) data.reason = changes.exitReason;
  }
  return { ...event, data } as E;
}

/**
 * The milestone's own values, without whose it is or personal data. An erasure's reason belongs
 * to the audit trail in the stream, not to the journey.
 */
export function valuesOf(event: MilestoneEvent): MilestoneValues {
  if (event.type === 'PersonalDataErased') return { occurredOn: event.data.occurredOn } as MilestoneValues;
  const { participantId: _id, personal: _personal, note: _note, ...values } = event.data as Record<string, unknown>;
  return values as MilestoneValues;
}

/** The milestone as a correction's values make it, keeping whose it is and its personal data. */
export const withValues = <E extends MilestoneEvent>(event: E, values: MilestoneValues): E =>
  ({ ...event, data: { ...event.data, ...values } }) as E;
