import type { MilestoneEvent, MilestoneValues } from '../domain/events';
import { milestoneOfKind } from '../domain/milestone-kind';
import type { MilestoneKind } from '../domain/vocabulary';

/** The milestone an event records, and one line a person can read. Never personal data. */
export function describeMilestone(event: MilestoneEvent): { kind: MilestoneKind; summary: string } {
  switch (event.type) {
    case 'ParticipantEnrolled':
      return { kind: 'ENROLLED', summary: `Enrolled in ${event.data.programme} (${event.data.city})` };
    case 'CoachingSessionHeld':
      return {
        kind: 'COACHING_SESSION',
        summary: `Coaching session: ${event.data.mode}, ${event.data.durationMinutes} min`,
      };
    case 'ActivityStarted':
      return {
        kind: 'ACTIVITY_STARTED',
        summary: `Activity started: ${event.data.activity}${event.data.provider ? ` with ${event.data.provider}` : ''}`,
      };
    case 'ActivityCompleted':
      return { kind: 'ACTIVITY_COMPLETED', summary: `Activity ended: ${event.data.activity}, ${event.data.result}` };
    case 'ReferredToPartner':
      return { kind: 'REFERRED', summary: `Referred to partner: ${event.data.partner}` };
    case 'JobStarted': {
      const { contractType, employerType, sector, weeklyHours } = event.data;
      const hours = weeklyHours === null ? '' : `, ${weeklyHours} h/week`;
      return { kind: 'JOB_STARTED', summary: `Job started: ${contractType}, ${employerType}, sector ${sector}${hours}` };
    }
    case 'SelfEmploymentStarted':
      return {
        kind: 'SELF_EMPLOYMENT_STARTED',
        summary: `Self-employment started: ${event.data.form}, sector ${event.data.sector}`,
      };
    case 'ParticipantExited':
      return { kind: 'EXITED', summary: `Exited: ${event.data.reason}` };
    case 'FollowUpRecorded':
      return {
        kind: 'FOLLOW_UP',
        summary: `Follow-up ${event.data.monthsAfterExit} months after exit: ${event.data.status}`,
      };
    case 'ParticipantReEnrolled':
      return { kind: 'RE_ENROLLED', summary: `Re-enrolled in ${event.data.programme}` };
    case 'PersonalDataErased':
      // The reason stays in the event for the audit trail, not in the case file.
      return { kind: 'PERSONAL_DATA_ERASED', summary: 'Personal data erased' };
  }
}

/** The line of a milestone of that kind with those values (as they stand, corrected or not): what it says needs nothing else. */
export const summaryOf = (kind: MilestoneKind, values: MilestoneValues): string => describeMilestone(milestoneOfKind(kind, '', values)).summary;
