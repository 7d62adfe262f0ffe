import type { JourneyEvent } from '../journey/domain/events';
import type { CalendarDate, ContractType, ExitReason, FollowUpStatus } from '../journey/domain/vocabulary';

/**
 * The part of a journey event that the outcome figures depend on. Keeping only this (and not the
 * events) lets a read model store each participant's outcome history compactly and recompute any
 * "as of" figure without decrypting or replaying anything.
 */
export type OutcomeFact =
  | { kind: 'ENROLLED'; on: CalendarDate; programme: string }
  | { kind: 'JOB'; on: CalendarDate; contractType: ContractType }
  | { kind: 'SELF_EMPLOYMENT'; on: CalendarDate }
  | { kind: 'EXITED'; on: CalendarDate; reason: ExitReason }
  | { kind: 'FOLLOW_UP'; on: CalendarDate; monthsAfterExit: number; status: FollowUpStatus };

/** One participant's outcome history, in stream (recording) order, which may differ from date order. */
export interface ParticipantOutcomeFacts {
  city: string;
  facts: OutcomeFact[];
}

/** Null for what no figure counts: coaching, activities, referrals and erasure. */
export function outcomeFactOf(event: JourneyEvent): OutcomeFact | null {
  switch (event.type) {
    case 'ParticipantEnrolled':
    case 'ParticipantReEnrolled':
      // A re-enrolment opens a spell like an enrolment does; only the first one fixes the city.
      return { kind: 'ENROLLED', on: event.data.occurredOn, programme: event.data.programme };
    case 'JobStarted':
      return { kind: 'JOB', on: event.data.occurredOn, contractType: event.data.contractType };
    case 'SelfEmploymentStarted':
      return { kind: 'SELF_EMPLOYMENT', on: event.data.occurredOn };
    case 'ParticipantExited':
      return { kind: 'EXITED', on: event.data.occurredOn, reason: event.data.reason };
    case 'FollowUpRecorded':
      return {
        kind: 'FOLLOW_UP',
        on: event.data.occurredOn,
        monthsAfterExit: event.data.monthsAfterExit,
        status: event.data.status,
      };
    case 'CoachingSessionHeld':
    case 'ActivityStarted':
    case 'ActivityCompleted':
    case 'ReferredToPartner':
    case 'PersonalDataErased':
      return null;
  }
}
