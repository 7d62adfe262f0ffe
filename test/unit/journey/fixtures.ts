import type {
  CompleteActivity,
  EnrolParticipant,
  ErasePersonalData,
  ReEnrolParticipant,
  RecordCoachingSession,
  RecordExit,
  RecordFollowUp,
  RecordJobStart,
  RecordSelfEmployment,
  ReferToPartner,
  StartActivity,
} from '../../../src/journey/domain/commands';
import type {
  ActivityCompleted,
  ActivityStarted,
  CoachingSessionHeld,
  FollowUpRecorded,
  JobStarted,
  ParticipantEnrolled,
  ParticipantExited,
  ParticipantReEnrolled,
  PersonalDataErased,
  ReferredToPartner,
  SelfEmploymentStarted,
} from '../../../src/journey/domain/events';
import type { ActivityKind, CalendarDate, ExitReason } from '../../../src/journey/domain/vocabulary';

// A Paris participant enrolled in January 2008; each builder takes the date and the field a rule
// is about, so a test shows only what matters to it.
export const PARTICIPANT = 'participant-1';
export const ENROLLED_ON = '2008-01-14';

type DataOf<T extends { data: object }> = Partial<T['data']>;

export const command = {
  enrol: (over: DataOf<EnrolParticipant> = {}): EnrolParticipant => ({
    type: 'EnrolParticipant',
    data: {
      participantId: PARTICIPANT,
      occurredOn: ENROLLED_ON,
      city: 'paris',
      programme: 'paris-gatp',
      profile: {
        birthYear: 1952,
        gender: 'FEMALE',
        educationLevel: 'ISCED_5_8',
        positionLevel: 'MANAGER',
        lastSector: 'K',
        unemployedSince: '2007-09-01',
        incomeSupport: 'UNEMPLOYMENT_INSURANCE',
      },
      personal: { fullName: 'Claire Martin', email: 'claire.martin@example.org', phone: null },
      note: null,
      ...over,
    },
  }),
  coaching: (occurredOn: CalendarDate, over: DataOf<RecordCoachingSession> = {}): RecordCoachingSession => ({
    type: 'RecordCoachingSession',
    data: { participantId: PARTICIPANT, occurredOn, mode: 'INDIVIDUAL', durationMinutes: 60, note: null, ...over },
  }),
  startActivity: (
    occurredOn: CalendarDate,
    activity: ActivityKind = 'IT_TRAINING',
    over: DataOf<StartActivity> = {},
  ): StartActivity => ({
    type: 'StartActivity',
    data: { participantId: PARTICIPANT, occurredOn, activity, provider: null, note: null, ...over },
  }),
  completeActivity: (
    occurredOn: CalendarDate,
    activity: ActivityKind = 'IT_TRAINING',
    over: DataOf<CompleteActivity> = {},
  ): CompleteActivity => ({
    type: 'CompleteActivity',
    data: { participantId: PARTICIPANT, occurredOn, activity, result: 'COMPLETED', note: null, ...over },
  }),
  refer: (occurredOn: CalendarDate, partner = 'ddee', over: DataOf<ReferToPartner> = {}): ReferToPartner => ({
    type: 'ReferToPartner',
    data: { participantId: PARTICIPANT, occurredOn, partner, note: null, ...over },
  }),
  startJob: (occurredOn: CalendarDate, over: DataOf<RecordJobStart> = {}): RecordJobStart => ({
    type: 'RecordJobStart',
    data: {
      participantId: PARTICIPANT,
      occurredOn,
      contractType: 'PERMANENT',
      employerType: 'SME',
      sector: 'M',
      weeklyHours: 35,
      note: null,
      ...over,
    },
  }),
  startSelfEmployment: (occurredOn: CalendarDate, over: DataOf<RecordSelfEmployment> = {}): RecordSelfEmployment => ({
    type: 'RecordSelfEmployment',
    data: { participantId: PARTICIPANT, occurredOn, form: 'FREELANCE', sector: 'M', note: null, ...over },
  }),
  exit: (occurredOn: CalendarDate, reason: ExitReason = 'END_OF_PROGRAMME', over: DataOf<RecordExit> = {}): RecordExit => ({
    type: 'RecordExit',
    data: { participantId: PARTICIPANT, occurredOn, reason, note: null, ...over },
  }),
  followUp: (occurredOn: CalendarDate, over: DataOf<RecordFollowUp> = {}): RecordFollowUp => ({
    type: 'RecordFollowUp',
    data: { participantId: PARTICIPANT, occurredOn, monthsAfterExit: 1, status: 'EMPLOYED', note: null, ...over },
  }),
  reEnrol: (occurredOn: CalendarDate, over: DataOf<ReEnrolParticipant> = {}): ReEnrolParticipant => ({
    type: 'ReEnrolParticipant',
    data: { participantId: PARTICIPANT, occurredOn, programme: null, note: null, ...over },
  }),
  erase: (reason = 'Asked by the participant'): ErasePersonalData => ({
    type: 'ErasePersonalData',
    data: { participantId: PARTICIPANT, reason },
  }),
};

// Events carry the command's data as it was accepted; the builders mirror the commands'.
export const event = {
  enrolled: (...args: Parameters<typeof command.enrol>): ParticipantEnrolled => ({
    type: 'ParticipantEnrolled',
    data: command.enrol(...args).data,
  }),
  coachingHeld: (...args: Parameters<typeof command.coaching>): CoachingSessionHeld => ({
    type: 'CoachingSessionHeld',
    data: command.coaching(...args).data,
  }),
  activityStarted: (...args: Parameters<typeof command.startActivity>): ActivityStarted => ({
    type: 'ActivityStarted',
    data: command.startActivity(...args).data,
  }),
  activityCompleted: (...args: Parameters<typeof command.completeActivity>): ActivityCompleted => ({
    type: 'ActivityCompleted',
    data: command.completeActivity(...args).data,
  }),
  referred: (...args: Parameters<typeof command.refer>): ReferredToPartner => ({
    type: 'ReferredToPartner',
    data: command.refer(...args).data,
  }),
  jobStarted: (...args: Parameters<typeof command.startJob>): JobStarted => ({
    type: 'JobStarted',
    data: command.startJob(...args).data,
  }),
  selfEmploymentStarted: (...args: Parameters<typeof command.startSelfEmployment>): SelfEmploymentStarted => ({
    type: 'SelfEmploymentStarted',
    data: command.startSelfEmployment(...args).data,
  }),
  exited: (...args: Parameters<typeof command.exit>): ParticipantExited => ({
    type: 'ParticipantExited',
    data: command.exit(...args).data,
  }),
  followedUp: (...args: Parameters<typeof command.followUp>): FollowUpRecorded => ({
    type: 'FollowUpRecorded',
    data: command.followUp(...args).data,
  }),
  reEnrolled: (occurredOn: CalendarDate, programme: string, note: string | null = null): ParticipantReEnrolled => ({
    type: 'ParticipantReEnrolled',
    data: { participantId: PARTICIPANT, occurredOn, programme, note },
  }),
  erased: (occurredOn: CalendarDate, reason = 'Asked by the participant'): PersonalDataErased => ({
    type: 'PersonalDataErased',
    data: { participantId: PARTICIPANT, occurredOn, reason },
  }),
};
