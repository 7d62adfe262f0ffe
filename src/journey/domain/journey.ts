import type { JourneyEvent, MilestoneAmendment, MilestoneEvent } from './events';
import { withValues } from './milestone-fields';
import { evolve, initialState, type JourneyState } from './state';

/** A milestone under the sequence it was recorded at, as corrections have left it. */
export interface RecordedMilestone {
  sequence: number;
  event: MilestoneEvent;
  voided: boolean;
}

/**
 * A participant's stream as the decider needs it: the state the rules read, the stream's version,
 * and the milestones, which a correction replays (a correction may move any of them).
 */
export interface Journey {
  state: JourneyState;
  version: number;
  milestones: readonly RecordedMilestone[];
}

export const initialJourney = (): Journey => ({ state: initialState(), version: 0, milestones: [] });

export const isMilestone = (event: JourneyEvent): event is MilestoneEvent =>
  event.type !== 'MilestoneCorrected' && event.type !== 'MilestoneVoided' && event.type !== 'PersonalDetailsChanged' && event.type !== 'NoteAdded';

export function evolveJourney(journey: Journey, event: JourneyEvent): Journey {
  const version = journey.version + 1;
  if (isMilestone(event)) {
    return { state: evolve(journey.state, event), version, milestones: [...journey.milestones, { sequence: version, event, voided: false }] };
  }
  if (event.type === 'MilestoneCorrected' || event.type === 'MilestoneVoided') {
    const milestones = amendMilestones(journey.milestones, event);
    return { state: stateOf(milestones), version, milestones };
  }
  return { ...journey, version };
}

/** The milestones once a correction or void is applied to the one it names. */
function amendMilestones(milestones: readonly RecordedMilestone[], amendment: MilestoneAmendment): RecordedMilestone[] {
  return milestones.map((m) => {
    if (m.sequence !== amendment.data.sequence) return m;
    if (amendment.type === 'MilestoneVoided') return { ...m, voided: true };
    return { ...m, event: withValues(m.event, amendment.data.values) };
  });
}

/** The state of the journey the milestones make, leaving out the voided ones. */
export const stateOf = (milestones: readonly RecordedMilestone[]): JourneyState =>
  milestones.reduce((state, m) => (m.voided ? state : evolve(state, m.event)), initialState());

export const foldJourney = (events: readonly JourneyEvent[]): Journey => events.reduce(evolveJourney, initialJourney());
