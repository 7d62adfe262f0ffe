import type { Catalogue } from '../catalogue/catalogue';
import type { JourneyEvent } from '../journey/domain/events';
import type {
  CalendarDate,
  EducationLevel,
  Gender,
  MilestoneKind,
  OutcomeClass,
} from '../journey/domain/vocabulary';

/** One milestone as researchers see it: no date, no free text, a coded detail at most. */
export interface LifePathStep {
  /** Whole calendar months since the first enrolment (0 = the month of entry). */
  month: number;
  kind: MilestoneKind;
  detail: string | null;
}

/**
 * What one participant contributes to the life-paths release before anonymisation. It holds
 * exact values (entry date, birth year, NACE section) that the release generalises; it must never
 * leave the service as is.
 */
export interface LifePathRecord {
  participantId: string;
  city: string;
  /** Of the latest spell. */
  programme: string;
  /** The first enrolment: re-enrolments do not move it, months count from it. */
  entryDate: CalendarDate;
  birthYear: number;
  gender: Gender;
  educationLevel: EducationLevel;
  /** NACE Rev. 2 section of the last position. */
  lastSector: string;
  /** Class of the latest exit; null while active. */
  outcome: OutcomeClass | null;
  /** In recording order. */
  steps: LifePathStep[];
}

/**
 * Folds one journey event into a participant's record, so that a projection can keep the records
 * event by event. It reads named coded fields only, never `personal` nor a `note`: those may be
 * sealed strings, or gone after erasure, and have no place in an anonymised release.
 *
 * "Latest" exit and spell follow recording order: the decider rejects an exit dated before the
 * latest (re-)enrolment and a re-enrolment dated before the exit, so it is also date order.
 */
export function evolveLifePathRecord(
  record: LifePathRecord | null,
  event: JourneyEvent,
  exitClasses: Catalogue['exitClasses'],
): LifePathRecord | null {
  if (event.type === 'ParticipantEnrolled') {
    // A stream is enrolled once (ALREADY_ENROLLED); a replayed enrolment must not reset the path.
    if (record !== null) return record;
    const { participantId, occurredOn, city, programme, profile } = event.data;
    return {
      participantId,
      city,
      programme,
      entryDate: occurredOn,
      birthYear: profile.birthYear,
      gender: profile.gender,
      educationLevel: profile.educationLevel,
      lastSector: profile.lastSector,
      outcome: null,
      steps: [{ month: 0, kind: 'ENROLLED', detail: null }],
    };
  }
  if (record === null) return null;

  const step = codedStepOf(event);
  if (step === null) return record;
  const next: LifePathRecord = {
    ...record,
    steps: [...record.steps, { month: monthsBetween(record.entryDate, event.data.occurredOn), ...step }],
  };
  if (event.type === 'ParticipantExited') next.outcome = exitClasses[event.data.reason];
  if (event.type === 'ParticipantReEnrolled') {
    next.programme = event.data.programme;
    next.outcome = null;
  }
  return next;
}

/**
 * The step's kind and coded detail. Enrolments carry no detail: a programme code there would show
 * a value that anonymisation may have generalised away in the path's own programme field.
 */
function codedStepOf(event: JourneyEvent): Omit<LifePathStep, 'month'> | null {
  switch (event.type) {
    case 'ParticipantEnrolled':
      return { kind: 'ENROLLED', detail: null };
    case 'ParticipantReEnrolled':
      return { kind: 'RE_ENROLLED', detail: null };
    case 'CoachingSessionHeld':
      return { kind: 'COACHING_SESSION', detail: event.data.mode };
    case 'ActivityStarted':
      return { kind: 'ACTIVITY_STARTED', detail: event.data.activity };
    case 'ActivityCompleted':
      return { kind: 'ACTIVITY_COMPLETED', detail: `${event.data.activity}:${event.data.result}` };
    case 'ReferredToPartner':
      return { kind: 'REFERRED', detail: event.data.partner };
    case 'JobStarted':
      return { kind: 'JOB_STARTED', detail: event.data.contractType };
    case 'SelfEmploymentStarted':
      return { kind: 'SELF_EMPLOYMENT_STARTED', detail: event.data.form };
    case 'ParticipantExited':
      return { kind: 'EXITED', detail: event.data.reason };
    case 'FollowUpRecorded':
      return { kind: 'FOLLOW_UP', detail: `${event.data.monthsAfterExit}m:${event.data.status}` };
    case 'PersonalDataErased':
      // Erasure shreds personal data, not the journey: the coded path stays, with no trace of it.
      return null;
  }
}

/** Calendar months, not 30-day blocks: 28 March to 2 April is month 1. */
export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return monthIndex(to) - monthIndex(from);
}

const monthIndex = (date: CalendarDate): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
