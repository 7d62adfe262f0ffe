import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { CityEntry } from '../../../src/catalogue/catalogue';
import type { EnrolParticipant, JourneyCommand } from '../../../src/journey/domain/commands';
import { decide } from '../../../src/journey/domain/decide';
import { InvalidInput, type RuleCode, RuleViolation } from '../../../src/journey/domain/errors';
import type { JourneyEvent, JourneyEventType } from '../../../src/journey/domain/events';
import { evolveJourney, foldJourney, initialJourney, type Journey, stateOf } from '../../../src/journey/domain/journey';
import { addMonths, checkJourney } from '../../../src/journey/domain/milestone-rules';
import { activeActivities, type EnrolledJourney, type JourneyState, initialState } from '../../../src/journey/domain/state';
import {
  ACTIVITY_KINDS,
  ACTIVITY_RESULTS,
  type ActivityKind,
  type CalendarDate,
  COACHING_MODES,
  CONTRACT_TYPES,
  EMPLOYER_TYPES,
  EXIT_REASONS,
  FOLLOW_UP_STATUSES,
  SELF_EMPLOYMENT_FORMS,
} from '../../../src/journey/domain/vocabulary';
import { TODAY, decisionContext } from '../../support/decider-specification';
import { PARTICIPANT, command as fixture } from './fixtures';

// --- Generating journeys --------------------------------------------------------------------
// Dates advance by small steps from the enrolment, with some late entries, so most commands are
// plausible and the date rules are still hit; codes are mostly from the participant's city.

const FIRST_DAY = Date.UTC(2007, 0, 1);
const DAY = 86_400_000;
const TODAY_DAY = (Date.parse(TODAY) - FIRST_DAY) / DAY;
const dateOf = (day: number): CalendarDate => new Date(FIRST_DAY + day * DAY).toISOString().slice(0, 10);

type Draft = (on: CalendarDate) => JourneyCommand;
type Often<T> = { weight: number; arbitrary: fc.Arbitrary<T> };
const often = <T>(weight: number, arbitrary: fc.Arbitrary<T>): Often<T> => ({ weight, arbitrary });

const oneOf = <T>(values: readonly T[]) => fc.constantFrom(...values);
const ALL_PARTNERS = BUILT_IN_CATALOGUE.cities.flatMap((c) => c.partners.map((p) => p.code));
const ALL_PROGRAMMES = BUILT_IN_CATALOGUE.cities.flatMap((c) => c.programmes.map((p) => p.code));
const note = fc.oneof(often(4, fc.constant(null)), often(1, fc.constant('Prefers morning sessions')));
const sector = oneOf(['C', 'J', 'M', 'Q']);
const participantId = PARTICIPANT;

function enrolment(city: CityEntry): fc.Arbitrary<EnrolParticipant> {
  const base = fixture.enrol().data;
  return fc
    .record({
      // Mostly early enough for a journey to unfold before today.
      day: fc.oneof(often(9, fc.integer({ min: 0, max: TODAY_DAY - 120 })), often(1, fc.integer({ min: 0, max: TODAY_DAY + 3 }))),
      programme: fc.oneof(often(19, oneOf(city.programmes.map((p) => p.code))), often(1, oneOf(ALL_PROGRAMMES))),
      birthYear: fc.oneof(often(19, fc.integer({ min: 1935, max: 1960 })), often(1, fc.integer({ min: 1920, max: 1975 }))),
      unemployedFor: fc.option(fc.integer({ min: -3, max: 400 }), { nil: null }),
    })
    .map(({ day, programme, birthYear, unemployedFor }): EnrolParticipant => ({
      type: 'EnrolParticipant',
      data: {
        ...base,
        occurredOn: dateOf(day),
        city: city.code,
        programme,
        profile: {
          ...base.profile,
          birthYear,
          unemployedSince: unemployedFor === null ? null : dateOf(day - unemployedFor),
        },
      },
    }));
}

type DatedType = Exclude<JourneyCommand['type'], 'EnrolParticipant' | 'ErasePersonalData'>;
type FieldsOf<T extends DatedType> = Omit<Extract<JourneyCommand, { type: T }>['data'], 'participantId' | 'occurredOn'>;

// TypeScript cannot tie `type` to its data inside a generic; callers' fields are checked by FieldsOf.
const dated = <T extends DatedType>(type: T, fields: fc.Arbitrary<FieldsOf<T>>): fc.Arbitrary<Draft> =>
  fields.map((f) => (on) => ({ type, data: { participantId, occurredOn: on, ...f } }) as Extract<JourneyCommand, { type: T }>);
const undated = (make: Draft): fc.Arbitrary<Draft> => fc.constant(make);

function milestone(city: CityEntry): fc.Arbitrary<Draft> {
  const ownPartners = city.partners.map((p) => p.code);
  const ownProgrammes = city.programmes.map((p) => p.code);
  const partner = fc.oneof(often(5, oneOf(ownPartners)), often(1, oneOf(ALL_PARTNERS)));
  const programme = fc.oneof(often(3, fc.constant(null)), often(3, oneOf(ownProgrammes)), often(1, oneOf(ALL_PROGRAMMES)));
  // Two kinds only, so that completions often find their activity running.
  const activity = oneOf(ACTIVITY_KINDS.slice(0, 2));
  const minutes = fc.integer({ min: 1, max: 600 });
  const [contractType, employerType] = [oneOf(CONTRACT_TYPES), oneOf(EMPLOYER_TYPES)];
  const weeklyHours = fc.option(fc.integer({ min: 1, max: 60 }), { nil: null });
  // Mostly a month: the dates advance by days, and a follow-up is dated within a month of its due day.
  const monthsAfterExit = fc.oneof(often(3, fc.constant(1)), often(1, fc.integer({ min: 1, max: 36 })));
  const sequence = fc.integer({ min: 1, max: 12 });
  const reason = fc.constant('Typed in the wrong field');
  return fc.oneof(
    often(3, dated('RecordCoachingSession', fc.record({ mode: oneOf(COACHING_MODES), durationMinutes: minutes, note }))),
    often(4, dated('StartActivity', fc.record({ activity, provider: fc.option(partner, { nil: null }), note }))),
    often(4, dated('CompleteActivity', fc.record({ activity, result: oneOf(ACTIVITY_RESULTS), note }))),
    often(2, dated('ReferToPartner', fc.record({ partner, note }))),
    often(2, dated('RecordJobStart', fc.record({ contractType, employerType, sector, weeklyHours, note }))),
    often(2, dated('RecordSelfEmployment', fc.record({ form: oneOf(SELF_EMPLOYMENT_FORMS), sector, note }))),
    often(3, dated('RecordExit', fc.record({ reason: oneOf(EXIT_REASONS), note }))),
    often(3, dated('RecordFollowUp', fc.record({ monthsAfterExit, status: oneOf(FOLLOW_UP_STATUSES), note }))),
    often(3, dated('ReEnrolParticipant', fc.record({ programme, note }))),
    often(1, undated(() => fixture.erase())),
    often(2, correction(sequence, reason, activity)),
    often(1, fc.record({ sequence, reason }).map((data): Draft => () => ({ type: 'VoidMilestone', data: { participantId, ...data } }))),
    often(1, undated((on) => fixture.enrol({ occurredOn: on, city: city.code, programme: ownProgrammes[0] }))),
  );
}

/** A correction of a random milestone: its date moved to the draft's, or one coded value changed. */
function correction(sequence: fc.Arbitrary<number>, reason: fc.Arbitrary<string>, activity: fc.Arbitrary<ActivityKind>): fc.Arbitrary<Draft> {
  const change = fc.oneof(
    fc.constant('date' as const),
    fc.record({ mode: oneOf(COACHING_MODES) }),
    fc.record({ activity }),
    fc.record({ contractType: oneOf(CONTRACT_TYPES) }),
    fc.record({ exitReason: oneOf(EXIT_REASONS) }),
    fc.record({ monthsAfterExit: fc.integer({ min: 1, max: 3 }) }),
  );
  return fc.record({ sequence, reason, change }).map(
    ({ sequence: s, reason: r, change: c }): Draft =>
      (on) => ({
        type: 'CorrectMilestone',
        data: { participantId, sequence: s, reason: r, changes: c === 'date' ? { occurredOn: on } : c, note: null },
      }),
  );
}

// A negative step backdates one command (a late entry) without moving the journey's clock back.
const dayStep = fc.oneof(often(3, fc.integer({ min: 0, max: 10 })), often(1, fc.integer({ min: -15, max: -1 })));

const journey: fc.Arbitrary<JourneyCommand[]> = fc
  .constantFrom(...BUILT_IN_CATALOGUE.cities)
  .chain((city) => {
    const milestones = fc.array(fc.tuple(milestone(city), dayStep), { minLength: 3, maxLength: 25, size: 'max' });
    return fc.tuple(enrolment(city), milestones);
  })
  .map(([enrol, steps]) => {
    let day = (Date.parse(enrol.data.occurredOn) - FIRST_DAY) / DAY;
    return [enrol, ...steps.map(([draft, step]) => draft(dateOf(step < 0 ? day + step : (day += step))))];
  });

// --- Running them through the decider -------------------------------------------------------

interface Step {
  command: JourneyCommand;
  /** The journey the command was decided on; `before` is its state. */
  journey: Journey;
  afterJourney: Journey;
  before: JourneyState;
  after: JourneyState;
  /** The events recorded before this command. */
  history: readonly JourneyEvent[];
  outcome: { events: JourneyEvent[] } | { error: unknown };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

const context = deepFreeze(decisionContext());
const attempt = (command: JourneyCommand, journey: Journey): Step['outcome'] => {
  try {
    return { events: decide(command, journey, context) };
  } catch (error) {
    return { error };
  }
};

// Inputs are frozen: a decider that mutated them would throw instead of deciding.
function run(commands: readonly JourneyCommand[]): Step[] {
  const steps: Step[] = [];
  let journey = initialJourney();
  const history: JourneyEvent[] = [];
  for (const command of commands) {
    const before = deepFreeze(journey);
    const recorded = [...history];
    const outcome = attempt(deepFreeze(command), before);
    if ('events' in outcome) {
      journey = outcome.events.reduce(evolveJourney, before);
      history.push(...outcome.events);
    }
    steps.push({ command, journey: before, afterJourney: journey, before: before.state, after: journey.state, history: recorded, outcome });
  }
  return steps;
}

const eventsOf = (outcome: Step['outcome']) => ('events' in outcome ? outcome.events : []);
const accepted = (steps: Step[]) => steps.filter((s) => 'events' in s.outcome);
const allEvents = (steps: Step[]) => steps.flatMap((s) => eventsOf(s.outcome));
const ruleOf = (error: unknown) =>
  error instanceof RuleViolation ? error.rule : error instanceof InvalidInput ? 'BAD_USER_INPUT' : 'OTHER';
const property = (check: (steps: Step[]) => void) =>
  fc.assert(
    fc.property(journey, (commands) => check(run(commands))),
    { numRuns: 300 },
  );

// --- Properties -----------------------------------------------------------------------------

const EVENT_OF: Record<JourneyCommand['type'], JourneyEventType> = {
  EnrolParticipant: 'ParticipantEnrolled',
  RecordCoachingSession: 'CoachingSessionHeld',
  StartActivity: 'ActivityStarted',
  CompleteActivity: 'ActivityCompleted',
  ReferToPartner: 'ReferredToPartner',
  RecordJobStart: 'JobStarted',
  RecordSelfEmployment: 'SelfEmploymentStarted',
  RecordExit: 'ParticipantExited',
  RecordFollowUp: 'FollowUpRecorded',
  ReEnrolParticipant: 'ParticipantReEnrolled',
  ErasePersonalData: 'PersonalDataErased',
  CorrectMilestone: 'MilestoneCorrected',
  VoidMilestone: 'MilestoneVoided',
  UpdatePersonalDetails: 'PersonalDetailsChanged',
  AddNote: 'NoteAdded',
};

const spellOf = (history: readonly JourneyEvent[]) => {
  const start = history.findLastIndex((e) => e.type === 'ParticipantEnrolled' || e.type === 'ParticipantReEnrolled');
  return history.slice(Math.max(start, 0));
};

/** What the rules take for granted of the next state, whatever happened before. */
function expectStateInvariants(state: EnrolledJourney, history: readonly JourneyEvent[]): void {
  expect(state.spellStartedOn <= TODAY).toBe(true);
  if (state.exitedOn !== null) {
    expect(state.exitedOn >= state.spellStartedOn).toBe(true);
    expect(activeActivities(state)).toEqual([]);
  }
  expect(new Set(activeActivities(state)).size).toBe(activeActivities(state).length);
  const spell = spellOf(history);
  const firstOf = (type: string) => spell.filter((e) => e.type === type).map((e) => e.data.occurredOn).sort()[0] ?? null;
  expect(state.firstJobThisSpell).toBe(firstOf('JobStarted'));
  expect(state.firstSelfEmploymentThisSpell).toBe(firstOf('SelfEmploymentStarted'));
  expect(state.personalDataErased).toBe(history.some((e) => e.type === 'PersonalDataErased'));
}

function expectAcceptedStep({ command, before, after, afterJourney, outcome }: Step): void {
  const events = eventsOf(outcome);
  // Erasing an erased participant answers the case as it stands.
  if (command.type === 'ErasePersonalData' && before.enrolled && before.personalDataErased) {
    expect(events).toEqual([]);
    expect(after).toEqual(before);
    return;
  }
  expect(events.map((e) => e.type)).toEqual([EVENT_OF[command.type]]);
  const [event] = events;
  if (!after.enrolled) throw new Error('An accepted command leaves the participant enrolled');
  // Whatever was recorded or corrected, the journey as it now stands keeps every rule.
  expect(() => checkJourney(afterJourney.milestones)).not.toThrow();
  expect(afterJourney.milestones.filter((m) => m.event.data.occurredOn > TODAY)).toEqual([]);
  if (event.type === 'MilestoneCorrected' || event.type === 'MilestoneVoided') {
    expect(after).toEqual(stateOf(afterJourney.milestones));
    return;
  }
  // Of the journey as corrections left it.
  expectStateInvariants(after, afterJourney.milestones.filter((m) => !m.voided).map((m) => m.event));
  if (event.type === 'ParticipantEnrolled') {
    expect(before.enrolled).toBe(false);
    expect(after).toEqual({
      enrolled: true,
      city: event.data.city,
      programme: event.data.programme,
      spellStartedOn: event.data.occurredOn,
      lastMilestoneOn: event.data.occurredOn,
      exitedOn: null,
      activityStartedOn: {},
      firstJobThisSpell: null,
      firstSelfEmploymentThisSpell: null,
      personalDataErased: false,
    });
    return;
  }
  if (!before.enrolled) throw new Error('Only an enrolment is accepted before the enrolment');
  expect(after.city).toBe(before.city);
  if (before.personalDataErased && 'note' in event.data) expect(event.data.note).toBeNull();
  switch (event.type) {
    case 'ActivityStarted':
      expect(activeActivities(before)).not.toContain(event.data.activity);
      expect(activeActivities(after)).toContain(event.data.activity);
      break;
    case 'ActivityCompleted':
      expect(activeActivities(before)).toContain(event.data.activity);
      expect(event.data.occurredOn >= before.activityStartedOn[event.data.activity]!).toBe(true);
      expect(activeActivities(after)).not.toContain(event.data.activity);
      break;
    case 'ParticipantExited':
      expect(after.exitedOn).toBe(event.data.occurredOn);
      expect(event.data.occurredOn >= before.lastMilestoneOn).toBe(true);
      if (event.data.reason === 'EMPLOYMENT') expect(before.firstJobThisSpell! <= event.data.occurredOn).toBe(true);
      if (event.data.reason === 'SELF_EMPLOYMENT') expect(before.firstSelfEmploymentThisSpell! <= event.data.occurredOn).toBe(true);
      break;
    case 'FollowUpRecorded':
      expect(before.exitedOn !== null && event.data.occurredOn >= before.exitedOn).toBe(true);
      expect(event.data.occurredOn >= addMonths(addMonths(before.exitedOn!, event.data.monthsAfterExit), -1)).toBe(true);
      expect(event.data.occurredOn <= addMonths(addMonths(before.exitedOn!, event.data.monthsAfterExit), 1)).toBe(true);
      expect(after).toEqual(before);
      break;
    case 'ParticipantReEnrolled':
      expect(before.exitedOn !== null && event.data.occurredOn >= before.exitedOn).toBe(true);
      expect(after).toMatchObject({ spellStartedOn: event.data.occurredOn, exitedOn: null, activityStartedOn: {} });
      if (command.type === 'ReEnrolParticipant' && command.data.programme === null) {
        expect(after.programme).toBe(before.programme);
      }
      break;
    case 'PersonalDataErased':
      expect(before.personalDataErased).toBe(false);
      break;
    case 'CoachingSessionHeld':
    case 'ReferredToPartner':
      expect(after).toEqual({ ...before, lastMilestoneOn: [before.lastMilestoneOn, event.data.occurredOn].sort()[1] });
      break;
  }
  // Everything but a follow-up, a re-enrolment and an erasure belongs to a running spell.
  if (!['FollowUpRecorded', 'ParticipantReEnrolled', 'PersonalDataErased'].includes(event.type)) {
    expect(before.exitedOn).toBeNull();
  }
}

describe('the decider, on generated journeys', () => {
  it('(a) leaves, after each accepted command, the state its rules assume next', () => {
    property((steps) => accepted(steps).forEach(expectAcceptedStep));
  });

  it('(b) refuses only with a rule or an input error, purely: same answer twice, inputs untouched', () => {
    property((steps) => {
      for (const { command, journey: before, outcome } of steps) {
        // `before` was frozen for the first call, so a mutation there would show as a non-domain error.
        const snapshot = structuredClone(before);
        const again = attempt(command, before);
        if ('error' in outcome) {
          expect(ruleOf(outcome.error)).not.toBe('OTHER');
          expect('error' in again && ruleOf(again.error)).toBe(ruleOf(outcome.error));
        } else {
          expect(again).toEqual(outcome);
        }
        expect(before).toEqual(snapshot);
      }
    });
  });

  it('(c) accepts the accepted commands again on replay, with the same events and state', () => {
    property((steps) => {
      const final = steps.at(-1)!.after;
      expect(foldJourney(allEvents(steps)).state).toEqual(final);
      const replay = run(accepted(steps).map((s) => s.command));
      expect(replay.every((s) => 'events' in s.outcome)).toBe(true);
      expect(allEvents(replay)).toEqual(allEvents(steps));
      expect(replay.at(-1)?.after ?? initialState()).toEqual(final);
    });
  });

  it('(d) dates every event within its spell and not after today; an erasure today', () => {
    property((steps) => {
      for (const { after, outcome } of accepted(steps)) {
        for (const event of eventsOf(outcome)) {
          if (!after.enrolled) throw new Error('An accepted command leaves the participant enrolled');
          if (event.type === 'PersonalDataErased') expect(event.data.occurredOn).toBe(TODAY);
          expect(event.data.occurredOn <= TODAY).toBe(true);
          expect(event.data.occurredOn >= after.spellStartedOn).toBe(true);
        }
      }
    });
  });

  // Properties over journeys that never reach a rule would pass for nothing.
  it('generates journeys that reach every rule and every event', () => {
    const steps = fc.sample(journey, { numRuns: 300, seed: 2008 }).flatMap(run);
    const refusals = new Set(steps.flatMap((s) => ('error' in s.outcome ? [ruleOf(s.outcome.error)] : [])));
    const recorded = new Set(allEvents(steps).map((e) => e.type));
    const rules: (RuleCode | 'BAD_USER_INPUT')[] = [
      'NOT_ENROLLED', 'ALREADY_ENROLLED', 'DATE_BEFORE_ENROLMENT', 'DATE_BEFORE_EXIT', 'DATE_IN_FUTURE', 'NOT_ACTIVE',
      'ACTIVITY_NOT_STARTED', 'ACTIVITY_ALREADY_STARTED', 'EXIT_WITHOUT_OUTCOME', 'FOLLOW_UP_BEFORE_EXIT', 'NOT_EXITED',
      'ERASED', 'BAD_USER_INPUT', 'DATE_BEFORE_LAST_MILESTONE', 'DATE_BEFORE_ACTIVITY_START', 'FOLLOW_UP_OUT_OF_WINDOW',
      'MILESTONE_VOIDED',
    ];
    expect([...refusals].sort()).toEqual([...rules].sort());
    const generated = Object.values(EVENT_OF).filter((type) => type !== 'PersonalDetailsChanged' && type !== 'NoteAdded');
    expect([...recorded].sort()).toEqual([...new Set(generated)].sort());
    expect(accepted(steps).length / steps.length).toBeGreaterThan(0.3);
  });
});
