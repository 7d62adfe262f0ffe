import type { JourneyEvent } from '../journey/domain/events';
import { correctedMilestone } from '../journey/domain/milestone-kind';
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

/** The event that last set a fact: the figures as of a date say which event they go up to. */
export interface FactStamp {
  /** Global position, as a decimal string (JSON has no bigint). */
  position: string;
  recordedAt: string;
  /**
   * The log's month it counts in for researchers' month ends: the month it was recorded in, or the
   * latest month of the events folded before it if later (src/projections/log-month.ts).
   */
  month: string;
}

/**
 * A fact as the read model keeps it: under the sequence of the milestone it comes from, so that a
 * correction or void can find it, and stamped with the event that last set it.
 */
export type StoredFact = OutcomeFact & FactStamp & { seq: number };

/**
 * A fact a correction or void has since replaced or removed, kept with the log's month of that
 * correction: researchers' month ends before it still count the fact as it was then.
 */
export type SupersededFact = StoredFact & { supersededIn: string };

/** The facts of `before` that `after` no longer holds (a fact is its milestone's sequence and the event that last set it). */
export function supersededFacts(before: readonly StoredFact[], after: readonly StoredFact[], supersededIn: string): SupersededFact[] {
  // A milestone adds its fact to the same others (evolveOutcomeFacts): the usual case replaces none.
  if (after.length === before.length + 1 && before.every((f, i) => after[i] === f)) return [];
  const held = new Set(after.map((f) => `${f.seq}@${f.position}`));
  return before.filter((f) => !held.has(`${f.seq}@${f.position}`)).map((f) => ({ ...f, supersededIn }));
}

/**
 * The facts as they stood at the end of `month` ('YYYY-MM'), by the log's month they count in:
 * those folded in it or before and not yet replaced or removed then, in stream order.
 */
export function factsKnownIn(facts: readonly StoredFact[], superseded: readonly SupersededFact[], month: string): StoredFact[] {
  const known = (f: StoredFact) => f.month <= month;
  return [...facts.filter(known), ...superseded.filter((f) => known(f) && f.supersededIn > month)].sort((a, b) => a.seq - b.seq);
}

/** One participant's outcome history, in stream (recording) order, which may differ from date order. */
export interface ParticipantOutcomeFacts {
  city: string;
  facts: OutcomeFact[];
}

/**
 * A participant's facts once the event at `sequence` of its stream is folded in: a milestone adds
 * its fact, a correction replaces the fact of the milestone it corrects, a void removes it. Null
 * when the event changes no fact.
 */
export function evolveOutcomeFacts(facts: readonly StoredFact[], event: JourneyEvent, sequence: number, stamp: FactStamp): StoredFact[] | null {
  if (event.type === 'MilestoneCorrected' || event.type === 'MilestoneVoided') {
    const seq = event.data.sequence;
    if (!facts.some((f) => f.seq === seq)) return null;
    const corrected = event.type === 'MilestoneCorrected' ? outcomeFactOf(correctedMilestone(event)) : null;
    return facts.flatMap((f) => (f.seq !== seq ? [f] : corrected ? [{ ...corrected, ...stamp, seq }] : []));
  }
  const fact = outcomeFactOf(event);
  return fact && [...facts, { ...fact, ...stamp, seq: sequence }];
}

/** The types of the events that can change a participant's facts: those with a fact (`outcomeFactOf`), corrections and voids. */
export const FACT_EVENT_TYPES: ReadonlySet<string> = new Set<JourneyEvent['type']>([
  'ParticipantEnrolled',
  'ParticipantReEnrolled',
  'JobStarted',
  'SelfEmploymentStarted',
  'ParticipantExited',
  'FollowUpRecorded',
  'MilestoneCorrected',
  'MilestoneVoided',
]);

/** False for an event that can change no participant's facts, whatever they are. */
export const mayChangeFacts = (event: JourneyEvent): boolean => FACT_EVENT_TYPES.has(event.type);

/** Null for what no figure counts: coaching, activities, referrals, erasure, notes and personal details. */
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
    case 'PersonalDetailsChanged':
    case 'NoteAdded':
    case 'MilestoneCorrected':
    case 'MilestoneVoided':
      return null;
  }
}
