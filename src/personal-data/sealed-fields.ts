import type { JourneyEvent, JourneyEventType } from '../journey/domain/events';

type DataField<T extends JourneyEventType> = keyof Extract<JourneyEvent, { type: T }>['data'] & string;

/**
 * The fields of each event that hold free text, stored sealed under the participant's key: the
 * participant's details, advisers' notes, and the reasons given for an erasure, a correction or a
 * void. Named per event type, since one name can be text in one event and a code in another: an
 * exit's `reason` is a coded ExitReason that the figures count, and stays in clear. Every other
 * field is a date, a number, or a code of the catalogue or the vocabulary (a correction's `values`
 * and `changed` too).
 */
export const SEALED_FIELDS: { readonly [T in JourneyEventType]: readonly DataField<T>[] } = {
  ParticipantEnrolled: ['personal', 'note'],
  CoachingSessionHeld: ['note'],
  ActivityStarted: ['note'],
  ActivityCompleted: ['note'],
  ReferredToPartner: ['note'],
  JobStarted: ['note'],
  SelfEmploymentStarted: ['note'],
  ParticipantExited: ['note'],
  FollowUpRecorded: ['note'],
  ParticipantReEnrolled: ['note'],
  PersonalDataErased: ['reason'],
  MilestoneCorrected: ['reason', 'note'],
  MilestoneVoided: ['reason'],
  PersonalDetailsChanged: ['personal'],
  NoteAdded: ['note'],
};
