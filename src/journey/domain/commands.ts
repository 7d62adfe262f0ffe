import type {
  ActivityCompleted,
  ActivityStarted,
  CoachingSessionHeld,
  FollowUpRecorded,
  JobStarted,
  ParticipantEnrolled,
  ParticipantExited,
  ReferredToPartner,
  SelfEmploymentStarted,
  PersonalDetails,
} from './events';
import type { CorrectedFields } from './milestone-fields';

type Command<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;

export type EnrolParticipant = Command<
  'EnrolParticipant',
  Omit<ParticipantEnrolled['data'], 'personal'> & { personal: PersonalDetails }
>;
export type RecordCoachingSession = Command<'RecordCoachingSession', CoachingSessionHeld['data']>;
export type StartActivity = Command<'StartActivity', ActivityStarted['data']>;
export type CompleteActivity = Command<'CompleteActivity', ActivityCompleted['data']>;
export type ReferToPartner = Command<'ReferToPartner', ReferredToPartner['data']>;
export type RecordJobStart = Command<'RecordJobStart', JobStarted['data']>;
export type RecordSelfEmployment = Command<'RecordSelfEmployment', SelfEmploymentStarted['data']>;
export type RecordExit = Command<'RecordExit', ParticipantExited['data']>;
export type RecordFollowUp = Command<'RecordFollowUp', FollowUpRecorded['data']>;
export type ReEnrolParticipant = Command<
  'ReEnrolParticipant',
  { participantId: string; occurredOn: string; /** The current programme when null. */ programme: string | null; note: string | null }
>;
/** Dated by the service: an erasure happens when it is asked for. */
export type ErasePersonalData = Command<'ErasePersonalData', { participantId: string; reason: string }>;
/** Fields given are the milestone's new values; an absent field keeps its value. */
export type CorrectMilestone = Command<
  'CorrectMilestone',
  { participantId: string; sequence: number; reason: string; changes: CorrectedFields; note: string | null }
>;
export type VoidMilestone = Command<'VoidMilestone', { participantId: string; sequence: number; reason: string }>;
/** Dated by the service, like an erasure. */
export type UpdatePersonalDetails = Command<'UpdatePersonalDetails', { participantId: string; personal: PersonalDetails }>;
/** The note is dated today when no date is given. */
export type AddNote = Command<'AddNote', { participantId: string; occurredOn: string | null; note: string }>;

export type JourneyCommand =
  | EnrolParticipant
  | RecordCoachingSession
  | StartActivity
  | CompleteActivity
  | ReferToPartner
  | RecordJobStart
  | RecordSelfEmployment
  | RecordExit
  | RecordFollowUp
  | ReEnrolParticipant
  | ErasePersonalData
  | CorrectMilestone
  | VoidMilestone
  | UpdatePersonalDetails
  | AddNote;
