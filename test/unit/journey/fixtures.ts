import type {
  AddNote,
  CompleteActivity,
  CorrectMilestone,
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
  UpdatePersonalDetails,
  VoidMilestone,
} from '../../../src/journey/domain/commands';
import type {
  ActivityCompleted,
  ActivityStarted,
  CoachingSessionHeld,
  FollowUpRecorded,
  JobStarted,
  MilestoneCorrected,
  MilestoneEvent,
  MilestoneValues,
  MilestoneVoided,
  NoteAdded,
  ParticipantEnrolled,
  ParticipantExited,
  ParticipantReEnrolled,
  PersonalDataErased,
  PersonalDetails,
  PersonalDetailsChanged,
  ReferredToPartner,
  SelfEmploymentStarted,
} from '../../../src/journey/domain/events';
import type { CorrectedFields } from '../../../src/journey/domain/milestone-fields';
import type { ActivityKind, CalendarDate, ExitReason, MilestoneKind } from '../../../src/journey/domain/vocabulary';
import { TODAY } from '../../support/decider-specification';

// A Paris participant enrolled in January 2008; each builder takes the date and the field a rule
// is about, so a test shows only what matters to it.
export const PARTICIPANT = 'participant-1';
export const ENROLLED_ON = '2008-01-14';

type DataOf<T extends { data: object }> = Partial<T['data']>;

const CORRECTION_REASON = 'Typed in wrongly';
const VOID_REASON = 'Recorded for the wrong participant';
const NOTE = 'Wants to move to Lyon';

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
  correct: (sequence: number, changes: CorrectedFields, over: DataOf<CorrectMilestone> = {}): CorrectMilestone => ({
    type: 'CorrectMilestone',
    data: { participantId: PARTICIPANT, sequence, reason: CORRECTION_REASON, changes, note: null, ...over },
  }),
  voidMilestone: (sequence: number, reason = VOID_REASON): VoidMilestone => ({
    type: 'VoidMilestone',
    data: { participantId: PARTICIPANT, sequence, reason },
  }),
  updatePersonal: (personal: Partial<PersonalDetails> = {}): UpdatePersonalDetails => ({
    type: 'UpdatePersonalDetails',
    data: {
      participantId: PARTICIPANT,
      personal: { fullName: 'Claire Martin-Roux', email: 'claire.roux@example.org', phone: '+33 1 44 55 66 77', ...personal },
    },
  }),
  addNote: (occurredOn: CalendarDate | null, note = NOTE): AddNote => ({
    type: 'AddNote',
    data: { participantId: PARTICIPANT, occurredOn, note },
  }),
};

/** What a correction records of a milestone: everything but whose it is, its personal data and its note. */
function ownValues({ data }: MilestoneEvent): MilestoneValues {
  const { participantId: _id, personal: _personal, note: _note, ...values } = data as Record<string, unknown>;
  return values as MilestoneValues;
}

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
  // Dated today unless `over` says otherwise: the service dates corrections and voids when they are recorded.
  /** `as`: the milestone as the correction leaves it, built with the builders above. */
  corrected: (
    sequence: number,
    kind: MilestoneKind,
    as: MilestoneEvent,
    changed: string[],
    over: DataOf<MilestoneCorrected> = {},
  ): MilestoneCorrected => ({
    type: 'MilestoneCorrected',
    data: {
      participantId: PARTICIPANT,
      occurredOn: TODAY,
      sequence,
      kind,
      values: ownValues(as),
      changed,
      reason: CORRECTION_REASON,
      note: null,
      ...over,
    },
  }),
  voided: (sequence: number, over: DataOf<MilestoneVoided> = {}): MilestoneVoided => ({
    type: 'MilestoneVoided',
    data: { participantId: PARTICIPANT, occurredOn: TODAY, sequence, reason: VOID_REASON, ...over },
  }),
  personalDetailsChanged: (occurredOn: CalendarDate, ...args: Parameters<typeof command.updatePersonal>): PersonalDetailsChanged => ({
    type: 'PersonalDetailsChanged',
    data: { participantId: PARTICIPANT, occurredOn, personal: command.updatePersonal(...args).data.personal },
  }),
  noteAdded: (occurredOn: CalendarDate, note = NOTE): NoteAdded => ({
    type: 'NoteAdded',
    data: { participantId: PARTICIPANT, occurredOn, note },
  }),
};
