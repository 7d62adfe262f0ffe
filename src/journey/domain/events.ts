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
  MilestoneKind,
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

/** An event the timeline shows as a step of the journey, under the sequence (stream version) it was recorded at. */
export type MilestoneEvent =
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

/** A milestone's own values: what a correction may change (never whose it is, nor its personal data). */
export type MilestoneValues<E extends MilestoneEvent = MilestoneEvent> = E extends MilestoneEvent
  ? Omit<E['data'], 'participantId' | 'personal' | 'note'>
  : never;

/**
 * Puts a recorded milestone right: `values` are the milestone's values in full once corrected, so
 * that a projection needs nothing but this event to count the corrected journey; `changed` names
 * the fields that differ from what they were. Dated the day it was recorded.
 */
export type MilestoneCorrected = Event<
  'MilestoneCorrected',
  Milestone & {
    sequence: number;
    /** The kind of the milestone corrected, which a correction never changes. */
    kind: MilestoneKind;
    values: MilestoneValues;
    changed: string[];
    reason: string;
    /** A note that replaces the milestone's; null keeps it as it was. */
    note: Note;
  }
>;
/** Takes a recorded milestone out of the journey: it stays in the case file, marked as voided. */
export type MilestoneVoided = Event<'MilestoneVoided', Milestone & { sequence: number; reason: string }>;
/** New name or contact details, sealed as the enrolment's were; dated the day they were recorded. */
export type PersonalDetailsChanged = Event<'PersonalDetailsChanged', Milestone & { personal: PersonalDetails | null }>;
/** An adviser's note that belongs to no milestone. */
export type NoteAdded = Event<'NoteAdded', Milestone & { note: Note }>;

/** Events that amend a recorded milestone. */
export type MilestoneAmendment = MilestoneCorrected | MilestoneVoided;

export type JourneyEvent = MilestoneEvent | MilestoneAmendment | PersonalDetailsChanged | NoteAdded;

export type JourneyEventType = JourneyEvent['type'];
