import { TODAY, given } from '../../support/decider-specification';
import { command, event } from './fixtures';

describe('Enrolment', () => {
  it('records a new participant with their city, programme, profile and personal details', () => {
    given([]).when(command.enrol()).then([event.enrolled()]);
  });

  describe('ALREADY_ENROLLED', () => {
    it('refuses to enrol a participant id that is already enrolled', () => {
      given([event.enrolled()]).when(command.enrol({ occurredOn: '2008-03-01' })).thenThrows('ALREADY_ENROLLED');
    });

    it('refuses it after an exit too: coming back is a re-enrolment', () => {
      given([event.enrolled(), event.exited('2008-03-01')])
        .when(command.enrol({ occurredOn: '2008-04-01' }))
        .thenThrows('ALREADY_ENROLLED');
    });
  });

  describe('DATE_IN_FUTURE', () => {
    it('accepts an enrolment dated today', () => {
      given([]).when(command.enrol({ occurredOn: TODAY })).then([event.enrolled({ occurredOn: TODAY })]);
    });

    it('refuses an enrolment dated tomorrow', () => {
      given([]).when(command.enrol({ occurredOn: '2008-07-01' })).thenThrows('DATE_IN_FUTURE');
    });
  });

  describe('city and programme (BAD_USER_INPUT)', () => {
    it('accepts every programme of the city', () => {
      given([])
        .when(command.enrol({ city: 'frankfurt', programme: 'frankfurt-kompass' }))
        .then([event.enrolled({ city: 'frankfurt', programme: 'frankfurt-kompass' })]);
    });

    it('refuses an unknown city', () => {
      given([]).when(command.enrol({ city: 'lyon' })).thenThrowsInvalidInput('city');
    });

    it("refuses a programme of another city's catalogue", () => {
      given([]).when(command.enrol({ city: 'paris', programme: 'frankfurt-kompass' })).thenThrowsInvalidInput('programme');
    });
  });

  describe('birth year (BAD_USER_INPUT), between 1930 and this year − 40', () => {
    const bornIn = (birthYear: number) => command.enrol({ profile: { ...command.enrol().data.profile, birthYear } });

    it.each([1930, 1968])('accepts %i in 2008', (birthYear) => {
      given([]).when(bornIn(birthYear)).then([{ type: 'ParticipantEnrolled', data: bornIn(birthYear).data }]);
    });

    it.each([1929, 1969])('refuses %i in 2008', (birthYear) => {
      given([]).when(bornIn(birthYear)).thenThrowsInvalidInput('birthYear');
    });

    it("moves with the service's clock", () => {
      given([]).asOf('2009-02-01').when(bornIn(1969)).then([{ type: 'ParticipantEnrolled', data: bornIn(1969).data }]);
    });
  });

  describe('unemployedSince (BAD_USER_INPUT)', () => {
    const unemployedSince = (date: string | null) =>
      command.enrol({ profile: { ...command.enrol().data.profile, unemployedSince: date } });

    it.each([null, '2008-01-14'])('accepts %s (unknown, or the enrolment day)', (date) => {
      given([]).when(unemployedSince(date)).then([{ type: 'ParticipantEnrolled', data: unemployedSince(date).data }]);
    });

    it('refuses a date after the enrolment', () => {
      given([]).when(unemployedSince('2008-01-15')).thenThrowsInvalidInput('unemployedSince');
    });
  });

  it('reports every bad field at once, so the adviser fixes the form in one go', () => {
    const profile = { ...command.enrol().data.profile, birthYear: 1920, unemployedSince: '2008-02-01' };
    given([]).when(command.enrol({ city: 'lyon', profile })).thenThrowsInvalidInput('city', 'birthYear', 'unemployedSince');
  });
});
