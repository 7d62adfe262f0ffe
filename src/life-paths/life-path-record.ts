import type { Catalogue } from '../catalogue/catalogue';
import type { JourneyEvent, ParticipantEnrolled } from '../journey/domain/events';
import { correctedMilestone } from '../journey/domain/milestone-kind';
import type {
  CalendarDate,
  EducationLevel,
  ExitReason,
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

/** A step as the record keeps it: which milestone it comes from and its date, which the release never shows. */
export interface RecordedStep extends LifePathStep {
  seq: number;
  on: CalendarDate;
  /** Of an enrolment or re-enrolment: the spell's programme. */
  programme?: string;
}

/** A record as the projection folds it, its steps with what corrections need to find and move them. */
export type FoldedLifePath = Omit<LifePathRecord, 'steps'> & { steps: RecordedStep[] };

/**
 * Folds the event at `sequence` of a participant's stream into the record, so that a projection
 * can keep the records event by event: a milestone adds its step, a correction changes the step of
 * the milestone it corrects (an enrolment's, the entry date and profile too), a void removes it.
 * It reads named coded fields only, never `personal` nor a `note`: those may be sealed strings, or
 * gone after erasure, and have no place in an anonymised release.
 */
export function evolveLifePathRecord(
  record: FoldedLifePath | null,
  event: JourneyEvent,
  exitClasses: Catalogue['exitClasses'],
  sequence: number,
): FoldedLifePath | null {
  if (event.type === 'ParticipantEnrolled') {
    // A stream is enrolled once (ALREADY_ENROLLED); a replayed enrolment must not reset the path.
    if (record !== null) return record;
    const { participantId, city, programme } = event.data;
    return withStep(foldedLifePath({ participantId, city, ...profileOf(event) }, programme, null, []), stepOf(event, sequence)!, exitClasses);
  }
  if (record === null) return null;
  if (event.type === 'MilestoneCorrected' || event.type === 'MilestoneVoided') {
    const seq = event.data.sequence;
    if (!record.steps.some((s) => s.seq === seq)) return record;
    const corrected = event.type === 'MilestoneCorrected' ? correctedMilestone(event) : null;
    const steps = record.steps.flatMap((s) => (s.seq !== seq ? [s] : corrected ? [stepOf(corrected, seq)!] : []));
    const profiled = corrected?.type === 'ParticipantEnrolled' ? { ...record, ...profileOf(corrected) } : record;
    // Any step may have moved, the entry date too: every step is placed again, in order.
    const empty = foldedLifePath(profiled, record.programme, null, []);
    return steps.reduce((settled, step) => withStep(settled, step, exitClasses), empty);
  }
  const step = stepOf(event, sequence);
  return step === null ? record : withStep(record, step, exitClasses);
}

const profileOf = ({ data: { occurredOn, profile } }: ParticipantEnrolled) => ({
  entryDate: occurredOn,
  birthYear: profile.birthYear,
  gender: profile.gender,
  educationLevel: profile.educationLevel,
  lastSector: profile.lastSector,
});

/** A step before `withStep` places it: its month counts from the record's entry date. */
type UnplacedStep = Omit<RecordedStep, 'month'>;

const stepOf = (event: JourneyEvent, seq: number): UnplacedStep | null => {
  const step = codedStepOf(event);
  if (step === null || !('occurredOn' in event.data)) return null;
  const programme = event.type === 'ParticipantEnrolled' || event.type === 'ParticipantReEnrolled' ? event.data.programme : undefined;
  return { seq, on: event.data.occurredOn, kind: step.kind, detail: step.detail, programme };
};

/**
 * The record of these fields, in the order they are stored in. Built field by field, as the steps
 * are (stepAt), never spread from another record: V8 gave records spread from parsed ones a shape
 * each, which made every later read and copy of them slow, a fifth of a life-paths replay.
 */
const foldedLifePath = (
  { participantId, city, entryDate, birthYear, gender, educationLevel, lastSector }: Omit<FoldedLifePath, 'programme' | 'outcome' | 'steps'>,
  programme: string,
  outcome: OutcomeClass | null,
  steps: RecordedStep[],
): FoldedLifePath => ({ participantId, city, entryDate, birthYear, gender, educationLevel, lastSector, programme, outcome, steps });

/** The step at `month`, with a programme's key only if it has one (a spell's start). */
const stepAt = ({ seq, on, kind, detail, programme }: UnplacedStep, month: number): RecordedStep =>
  programme === undefined ? { seq, on, month, kind, detail } : { seq, on, month, kind, detail, programme };

/**
 * The record with one more step: the step's month since entry, and what it decides of the latest
 * spell's programme and of the class of the latest exit (null again after a re-enrolment).
 * "Latest" is in recording order: the decider keeps exits and re-enrolments in date order within
 * a journey, corrections included.
 */
function withStep(record: FoldedLifePath, step: UnplacedStep, exitClasses: Catalogue['exitClasses']): FoldedLifePath {
  let { programme, outcome } = record;
  if (step.programme !== undefined) [programme, outcome] = [step.programme, null];
  if (step.kind === 'EXITED') outcome = exitClasses[step.detail as ExitReason];
  return foldedLifePath(record, programme, outcome, [...record.steps, stepAt(step, monthsBetween(record.entryDate, step.on))]);
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
    case 'PersonalDetailsChanged':
    case 'NoteAdded':
    case 'MilestoneCorrected':
    case 'MilestoneVoided':
      return null;
  }
}

/** Calendar months, not 30-day blocks: 28 March to 2 April is month 1. */
export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return monthIndex(to) - monthIndex(from);
}

/** 'YYYY-MM-DD' as a count of months. Read digit by digit: a replay places every step, and Number() of slices cost four times as much. */
const monthIndex = (date: CalendarDate): number => digits(date, 0, 4) * 12 + digits(date, 5, 7) - 1;

/** The number the decimal digits of `text` write from `start` to `end`. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let at = start; at < end; at++) value = value * 10 + text.charCodeAt(at) - 48;
  return value;
}
