// Replays a generated run through the domain, and computes the dashboards' figures (docs/outcomes.md)
// simply, from the accepted events.
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { decide } from '../../../src/journey/domain/decide';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { evolveJourney, initialJourney } from '../../../src/journey/domain/journey';
import type { JourneyState } from '../../../src/journey/domain/state';
import type { DemoJourney } from '../../../src/demo/generate-programme-run';

export const TODAY = '2026-01-01';
const context = { today: TODAY, catalogue: BUILT_IN_CATALOGUE };

/** Applies every command in order; throws, naming the participant and the command, at the first refusal. */
export function replay(demo: DemoJourney): { events: JourneyEvent[]; state: JourneyState } {
  let journey = initialJourney();
  const events: JourneyEvent[] = [];
  demo.commands.forEach((command, i) => {
    let produced: JourneyEvent[];
    try {
      produced = decide(command, journey, context);
    } catch (error) {
      throw new Error(
        `${demo.participantId}: command ${i} (${command.type} ${JSON.stringify(command.data)}) refused: ${String(error)}`,
      );
    }
    for (const event of produced) {
      journey = evolveJourney(journey, event);
      events.push(event);
    }
  });
  return { events, state: journey.state };
}

export interface ParticipantSummary {
  participantId: string;
  city: string;
  firstProgramme: string;
  latestProgramme: string;
  exited: boolean;
  latestExitReason: string | null;
  hadJob: boolean;
  hadSelfEmployment: boolean;
  events: JourneyEvent[];
}

export function summarise(journey: DemoJourney): ParticipantSummary {
  const { events, state } = replay(journey);
  if (!state.enrolled) throw new Error(`${journey.participantId} is not enrolled`);
  const enrolled = events[0];
  if (enrolled?.type !== 'ParticipantEnrolled') throw new Error(`${journey.participantId} does not start with an enrolment`);
  let latestExitReason: string | null = null;
  for (const e of events) if (e.type === 'ParticipantExited') latestExitReason = e.data.reason;
  return {
    participantId: journey.participantId,
    city: state.city,
    firstProgramme: enrolled.data.programme,
    latestProgramme: state.programme,
    exited: state.exitedOn !== null,
    latestExitReason: state.exitedOn !== null ? latestExitReason : null,
    hadJob: events.some((e) => e.type === 'JobStarted'),
    hadSelfEmployment: events.some((e) => e.type === 'SelfEmploymentStarted'),
    events,
  };
}

export interface Rates {
  enrolled: number;
  active: number;
  exited: number;
  positive: number;
  neutral: number;
  positiveExitRate: number;
  jobReturnRate: number;
  businessCreationRate: number;
}

export function rates(participants: readonly ParticipantSummary[]): Rates {
  const exitClasses = BUILT_IN_CATALOGUE.exitClasses as Record<string, string>;
  const exited = participants.filter((p) => p.exited);
  const positive = exited.filter((p) => exitClasses[p.latestExitReason!] === 'POSITIVE').length;
  const neutral = exited.filter((p) => exitClasses[p.latestExitReason!] === 'NEUTRAL').length;
  return {
    enrolled: participants.length,
    active: participants.length - exited.length,
    exited: exited.length,
    positive,
    neutral,
    positiveExitRate: positive / (exited.length - neutral),
    jobReturnRate: participants.filter((p) => p.hadJob).length / participants.length,
    businessCreationRate: participants.filter((p) => p.hadSelfEmployment).length / participants.length,
  };
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
