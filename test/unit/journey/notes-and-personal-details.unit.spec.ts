import { foldJourney } from '../../../src/journey/domain/journey';
import { TODAY, given } from '../../support/decider-specification';
import { ENROLLED_ON, command, event } from './fixtures';

const enrolled = event.enrolled();
const erased = [enrolled, event.erased('2008-05-02')];

describe('updatePersonalDetails', () => {
  it("records the new details dated today in the service's clock", () => {
    given([enrolled]).asOf('2008-05-02').when(command.updatePersonal()).then([event.personalDetailsChanged('2008-05-02')]);
  });

  it('records an email or phone emptied', () => {
    given([enrolled])
      .when(command.updatePersonal({ email: null, phone: null }))
      .then([event.personalDetailsChanged(TODAY, { email: null, phone: null })]);
  });

  it('is accepted after an exit', () => {
    given([enrolled, event.exited('2008-03-01')]).when(command.updatePersonal()).then([event.personalDetailsChanged(TODAY)]);
  });

  it('refuses new details once the personal data is erased (ERASED)', () => {
    given(erased).when(command.updatePersonal()).thenThrows('ERASED');
  });

  it('refuses details for a participant not enrolled (NOT_ENROLLED)', () => {
    given([]).when(command.updatePersonal()).thenThrows('NOT_ENROLLED');
  });
});

describe('addNote', () => {
  it('records the note under the date given', () => {
    given([enrolled]).when(command.addNote('2008-02-01', 'Prefers morning sessions')).then([event.noteAdded('2008-02-01', 'Prefers morning sessions')]);
  });

  it('dates the note today when no date is given', () => {
    given([enrolled]).asOf('2008-05-02').when(command.addNote(null)).then([event.noteAdded('2008-05-02')]);
  });

  it('is accepted after an exit', () => {
    given([enrolled, event.exited('2008-03-01')]).when(command.addNote('2008-04-01')).then([event.noteAdded('2008-04-01')]);
  });

  it('refuses a note once the personal data is erased (ERASED)', () => {
    given(erased).when(command.addNote('2008-06-01')).thenThrows('ERASED');
    given(erased).when(command.addNote(null)).thenThrows('ERASED');
  });

  it('refuses a note for a participant not enrolled (NOT_ENROLLED)', () => {
    given([]).when(command.addNote(null)).thenThrows('NOT_ENROLLED');
  });

  describe('DATE_BEFORE_ENROLMENT: a note is dated on a day of the journey', () => {
    it('accepts the day of the enrolment', () => {
      given([enrolled]).when(command.addNote(ENROLLED_ON)).then([event.noteAdded(ENROLLED_ON)]);
    });

    it('refuses the day before the enrolment', () => {
      given([enrolled]).when(command.addNote('2008-01-13')).thenThrows('DATE_BEFORE_ENROLMENT');
    });

    it('goes by the first enrolment: a note may be about an earlier spell', () => {
      const reEnrolled = [enrolled, event.exited('2008-03-01'), event.reEnrolled('2008-04-01', 'paris-gatp')];
      given(reEnrolled).when(command.addNote('2008-02-01')).then([event.noteAdded('2008-02-01')]);
    });

    it('goes by the enrolment as corrected', () => {
      const enrolmentMoved = [enrolled, event.corrected(1, 'ENROLLED', event.enrolled({ occurredOn: '2008-01-20' }), ['occurredOn'])];
      given(enrolmentMoved).when(command.addNote('2008-01-19')).thenThrows('DATE_BEFORE_ENROLMENT');
      given(enrolmentMoved).when(command.addNote('2008-01-20')).then([event.noteAdded('2008-01-20')]);
    });
  });

  describe('DATE_IN_FUTURE', () => {
    it('accepts today', () => {
      given([enrolled]).when(command.addNote(TODAY)).then([event.noteAdded(TODAY)]);
    });

    it('refuses tomorrow', () => {
      given([enrolled]).when(command.addNote('2008-07-01')).thenThrows('DATE_IN_FUTURE');
    });
  });
});

describe("personal details and notes in the journey's stream", () => {
  const journey = [enrolled, event.coachingHeld('2008-02-01'), event.exited('2008-03-01')];
  const withBoth = [enrolled, event.noteAdded('2008-01-20'), event.coachingHeld('2008-02-01'), event.personalDetailsChanged('2008-02-15'), event.exited('2008-03-01')];

  it("leave the journey's state as it was", () => {
    expect(foldJourney(withBoth).state).toEqual(foldJourney(journey).state);
  });

  it('take a sequence each, so the milestones after them are numbered after them', () => {
    const [, note, coaching] = withBoth;
    given([enrolled, note, coaching])
      .when(command.correct(3, { mode: 'GROUP' }))
      .then([event.corrected(3, 'COACHING_SESSION', event.coachingHeld('2008-02-01', { mode: 'GROUP' }), ['mode'])]);
    given(withBoth)
      .when(command.correct(5, { exitReason: 'RETIREMENT' }))
      .then([event.corrected(5, 'EXITED', event.exited('2008-03-01', 'RETIREMENT'), ['exitReason'])]);
  });
});
