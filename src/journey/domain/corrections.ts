import type { CorrectMilestone, VoidMilestone } from './commands';
import type { DecisionContext } from './decide';
import { type FieldError, InvalidInput, RuleViolation } from './errors';
import type { JourneyEvent } from './events';
import type { Journey, RecordedMilestone } from './journey';
import { CORRECTABLE_FIELDS, type CorrectedField, fieldsOf, valuesOf, withFields } from './milestone-fields';
import { assertNotErased, assertNotInFuture, checkJourney } from './milestone-rules';
import { MILESTONE_KIND } from './milestone-kind';
import { milestoneInputErrors } from './milestone-input';
import type { EnrolledJourney } from './state';

/** The journey of an enrolled participant: the only one a milestone can be amended in. */
type EnrolledJourneyFold = Journey & { state: EnrolledJourney };

/** Fields a milestone may hold empty; a correction may empty them too. */
const NULLABLE: readonly CorrectedField[] = ['unemployedSince', 'provider', 'weeklyHours'];

/**
 * Puts a recorded milestone right (docs/corrections.md). The corrected journey is checked milestone by
 * milestone with the rules that checked the original, so a correction that would break one is
 * refused with that rule's code, whichever milestone it breaks.
 */
export function decideCorrection({ data }: CorrectMilestone, journey: EnrolledJourneyFold, context: DecisionContext): JourneyEvent[] {
  const { participantId, sequence, changes, reason, note } = data;
  const target = amendable(journey, sequence);
  const named = `The ${MILESTONE_KIND[target.event.type]} milestone`;
  const allowed = CORRECTABLE_FIELDS[target.event.type];
  const given = (Object.keys(changes) as CorrectedField[]).filter((field) => changes[field] !== undefined);
  const errors: FieldError[] = given.flatMap((field): FieldError[] => {
    if (field === 'city') {
      return [{ field, message: "An enrolment's city cannot be corrected: record an exit, then enrol the participant in the other city" }];
    }
    if (!allowed.includes(field)) return [{ field, message: `${named} has no ${field} to correct` }];
    if (changes[field] === null && !NULLABLE.includes(field)) return [{ field, message: `${field} must not be null` }];
    return [];
  });
  const before = fieldsOf(target.event);
  const changed = given.filter((field) => allowed.includes(field) && changes[field] !== before[field]);
  if (errors.length === 0 && changed.length === 0 && note === null) {
    errors.push({ field: 'sequence', message: `Nothing to correct: every value given is the milestone's own, and no note was given` });
  }
  const corrected = withFields(target.event, changes);
  // What the correction breaks, not what the milestone already broke (a partner since gone from
  // the catalogue), nor a field already reported.
  const { city } = journey.state;
  const text = (e: FieldError) => `${e.field}: ${e.message}`;
  const already = new Set(milestoneInputErrors(target.event, city, context).map(text));
  const reported = new Set(errors.map((e) => e.field));
  errors.push(...milestoneInputErrors(corrected, city, context).filter((e) => !already.has(text(e)) && !reported.has(e.field)));
  if (errors.length > 0) throw new InvalidInput(errors);
  if (note !== null) assertNotErased(journey.state, 'No note can be recorded');
  // Only a new date is checked against today: the journey's other dates were when recorded.
  if (changed.includes('occurredOn')) assertNotInFuture(corrected.data.occurredOn, context.today);
  checkJourney(journey.milestones.map((m) => (m.sequence === sequence ? { ...m, event: corrected } : m)));
  const values = valuesOf(corrected);
  const kind = MILESTONE_KIND[corrected.type];
  return [
    { type: 'MilestoneCorrected', data: { participantId, occurredOn: context.today, sequence, kind, values, changed, reason, note } },
  ];
}

/** Takes a milestone out of the journey, if the journey keeps every rule without it. */
export function decideVoid({ data }: VoidMilestone, journey: EnrolledJourneyFold, context: DecisionContext): JourneyEvent[] {
  const { participantId, sequence, reason } = data;
  const target = amendable(journey, sequence);
  if (target.event.type === 'ParticipantEnrolled') {
    throw new InvalidInput([{ field: 'sequence', message: 'The enrolment cannot be voided: correct it instead' }]);
  }
  checkJourney(journey.milestones.map((m) => (m.sequence === sequence ? { ...m, voided: true } : m)));
  return [{ type: 'MilestoneVoided', data: { participantId, occurredOn: context.today, sequence, reason } }];
}

/** The milestone a correction or void names, if it may be amended. */
function amendable({ milestones }: Journey, sequence: number): RecordedMilestone {
  const target = milestones.find((m) => m.sequence === sequence);
  if (target === undefined) {
    throw new InvalidInput([{ field: 'sequence', message: `No milestone of this case has sequence ${sequence}` }]);
  }
  if (target.event.type === 'PersonalDataErased') {
    throw new InvalidInput([{ field: 'sequence', message: 'An erasure cannot be corrected or voided' }]);
  }
  if (target.voided) throw new RuleViolation('MILESTONE_VOIDED', `Milestone ${sequence} is voided`);
  return target;
}
