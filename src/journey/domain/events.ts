import type {
  ActivityKind,
  ActivityResult,
  CalendarDate,
  CoachingMode,
  ContractType,
  EducationLevel,
  EmployerType,
  ExitReason,
  FollowUpStatus,
  Gender,
  IncomeSupport,
  PositionLevel,
  SelfEmploymentForm,
} from './vocabulary';

type Event<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;

interface Milestone {
  participantId: string;
  occurredOn: CalendarDate;
}

/** Free text an adviser writes: personal data, encrypted at rest, gone once erased. */
type Note = string | null;

export interface ParticipantProfile {
  birthYear: number;
  gender: Gender;
  educationLevel: EducationLevel;
  positionLevel: PositionLevel;
  /** NACE Rev. 2 section of the last position. */
  lastSector: string;
  unemployedSince: CalendarDate | null;
  incomeSupport: IncomeSupport;
}

export interface PersonalDetails {
  fullName: string;
  email: string | null;
  phone: string | null;
}

export type ParticipantEnrolled = Event<
  'ParticipantEnrolled',
  Milestone & {
    city: string;
    programme: string;
    profile: ParticipantProfile;
    /** Null once erased. */
    personal: PersonalDetails | null;
    note: Note;
  }
>;
export type CoachingSessionHeld = Event<
  'CoachingSessionHeld',
  Milestone & { mode: CoachingMode; durationMinutes: number; note: Note }
>;
export type ActivityStarted = Event<
  'ActivityStarted',
  Milestone & { activity: ActivityKind; provider: string | null; note: Note }
>;
export type ActivityCompleted = Event<
  'ActivityCompleted',
  Milestone & { activity: ActivityKind; result: ActivityResult; note: Note }
>;
export type ReferredToPartner = Event<'ReferredToPartner', Milestone & { partner: string; note: Note }>;
export type JobStarted = Event<
  'JobStarted',
  Milestone & {
    contractType: ContractType;
    employerType: EmployerType;
    sector: string;
    weeklyHours: number | null;
    note: Note;
  }
>;
export type SelfEmploymentStarted = Event<
  'SelfEmploymentStarted',
  Milestone & { form: SelfEmploymentForm; sector: string; note: Note }
>;
export type ParticipantExited = Event<'ParticipantExited', Milestone & { reason: ExitReason; note: Note }>;
export type FollowUpRecorded = Event<
  'FollowUpRecorded',
  Milestone & { monthsAfterExit: number; status: FollowUpStatus; note: Note }
>;
export type ParticipantReEnrolled = Event<'ParticipantReEnrolled', Milestone & { programme: string; note: Note }>;
export type PersonalDataErased = Event<'PersonalDataErased', Milestone & { reason: string }>;

export type JourneyEvent =
  | ParticipantEnrolled
  | CoachingSessionHeld
  | ActivityStarted
  | ActivityCompleted
  | ReferredToPartner
  | JobStarted
  | SelfEmploymentStarted
  | ParticipantExited
  | FollowUpRecorded
  | ParticipantReEnrolled
  | PersonalDataErased;

export type JourneyEventType = JourneyEvent['type'];
