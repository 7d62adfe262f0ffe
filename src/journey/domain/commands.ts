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
  | ErasePersonalData;
