import type { MilestoneCorrected, MilestoneEvent } from './events';
import type { MilestoneKind } from './vocabulary';

/** The kind of milestone each event records, as clients name it. */
export const MILESTONE_KIND: Readonly<Record<MilestoneEvent['type'], MilestoneKind>> = {
  ParticipantEnrolled: 'ENROLLED',
  CoachingSessionHeld: 'COACHING_SESSION',
  ActivityStarted: 'ACTIVITY_STARTED',
  ActivityCompleted: 'ACTIVITY_COMPLETED',
  ReferredToPartner: 'REFERRED',
  JobStarted: 'JOB_STARTED',
  SelfEmploymentStarted: 'SELF_EMPLOYMENT_STARTED',
  ParticipantExited: 'EXITED',
  FollowUpRecorded: 'FOLLOW_UP',
  ParticipantReEnrolled: 'RE_ENROLLED',
  PersonalDataErased: 'PERSONAL_DATA_ERASED',
};

const TYPE_OF_KIND = Object.fromEntries(Object.entries(MILESTONE_KIND).map(([type, kind]) => [kind, type])) as Record<
  MilestoneKind,
  MilestoneEvent['type']
>;

/** The milestone of a kind with the given values (a note and personal data left out). */
export const milestoneOfKind = (kind: MilestoneKind, participantId: string, values: object): MilestoneEvent =>
  ({ type: TYPE_OF_KIND[kind], data: { ...values, participantId, note: null, personal: null } }) as MilestoneEvent;

/** The milestone as a correction leaves it: all a projection needs to count the corrected journey. */
export const correctedMilestone = ({ data }: MilestoneCorrected): MilestoneEvent => milestoneOfKind(data.kind, data.participantId, data.values);
