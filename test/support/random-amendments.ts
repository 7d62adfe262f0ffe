import type { Random } from '../../src/demo/prng';
import type { JourneyCommand } from '../../src/journey/domain/commands';
import type { Journey } from '../../src/journey/domain/journey';
import type { CorrectedFields } from '../../src/journey/domain/milestone-fields';
import { CONTRACT_TYPES, EXIT_REASONS, FOLLOW_UP_STATUSES, GENDERS } from '../../src/journey/domain/vocabulary';

const REASON = 'Recorded wrong';
const DAY = 86_400_000;
const shifted = (date: string, days: number) => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);

/**
 * An amendment an adviser might make to a journey: a correction of a date or a coded value, a
 * voided milestone, new personal details or a note. Many break a rule and are refused: the decider
 * is the judge, as it is for advisers.
 */
export function randomAmendment(journey: Journey, random: Random): JourneyCommand | null {
  const { state, milestones } = journey;
  if (!state.enrolled) return null;
  const target = random.pick(milestones.filter((m) => m.event.type !== 'PersonalDataErased' && !m.voided));
  const participantId = target.event.data.participantId;
  const correct = (changes: CorrectedFields): JourneyCommand => ({
    type: 'CorrectMilestone',
    data: { participantId, sequence: target.sequence, reason: REASON, changes, note: null },
  });
  switch (random.int(0, 9)) {
    case 0:
    case 1:
      return { type: 'VoidMilestone', data: { participantId, sequence: target.sequence, reason: REASON } };
    case 2:
      return { type: 'AddNote', data: { participantId, occurredOn: null, note: 'Called about the interview' } };
    case 3:
      return { type: 'UpdatePersonalDetails', data: { participantId, personal: { fullName: 'Renamed Participant', email: null, phone: null } } };
    case 4:
    case 5:
    case 6:
      return correct({ occurredOn: shifted(target.event.data.occurredOn, random.int(-30, 30)) });
    default:
      switch (target.event.type) {
        case 'JobStarted':
          return correct({ contractType: random.pick(CONTRACT_TYPES) });
        case 'ParticipantExited':
          return correct({ exitReason: random.pick(EXIT_REASONS) });
        case 'FollowUpRecorded':
          return correct({ status: random.pick(FOLLOW_UP_STATUSES), monthsAfterExit: random.pick([6, 6, 12]) });
        case 'ParticipantEnrolled':
          return correct({ gender: random.pick(GENDERS), birthYear: target.event.data.profile.birthYear + random.int(-2, 2) });
        default:
          return correct({ occurredOn: shifted(target.event.data.occurredOn, random.int(-3, 3)) });
      }
  }
}
