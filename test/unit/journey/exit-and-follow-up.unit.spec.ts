import { foldJourney } from '../../../src/journey/domain/journey';
import { given } from '../../support/decider-specification';
import { command, event } from './fixtures';

const enrolled = event.enrolled();
const exited = event.exited('2008-03-01');
const secondSpell = [enrolled, exited, event.reEnrolled('2008-04-01', 'paris-gatp')];

describe('EXIT_WITHOUT_OUTCOME', () => {
  it('accepts an exit for EMPLOYMENT after a job', () => {
    given([enrolled, event.jobStarted('2008-02-15')])
      .when(command.exit('2008-03-01', 'EMPLOYMENT'))
      .then([event.exited('2008-03-01', 'EMPLOYMENT')]);
  });

  it('refuses an exit for EMPLOYMENT without a job', () => {
    given([enrolled]).when(command.exit('2008-03-01', 'EMPLOYMENT')).thenThrows('EXIT_WITHOUT_OUTCOME');
  });

  it('accepts an exit for SELF_EMPLOYMENT after self-employment', () => {
    given([enrolled, event.selfEmploymentStarted('2008-02-15')])
      .when(command.exit('2008-03-01', 'SELF_EMPLOYMENT'))
      .then([event.exited('2008-03-01', 'SELF_EMPLOYMENT')]);
  });

  it('refuses an exit for SELF_EMPLOYMENT without self-employment', () => {
    given([enrolled]).when(command.exit('2008-03-01', 'SELF_EMPLOYMENT')).thenThrows('EXIT_WITHOUT_OUTCOME');
  });

  it("accepts an exit for EMPLOYMENT on the job's first day", () => {
    given([enrolled, event.jobStarted('2008-02-15')])
      .when(command.exit('2008-02-15', 'EMPLOYMENT'))
      .then([event.exited('2008-02-15', 'EMPLOYMENT')]);
  });

  it('does not take a job for self-employment, nor the reverse', () => {
    given([enrolled, event.jobStarted('2008-02-15')])
      .when(command.exit('2008-03-01', 'SELF_EMPLOYMENT'))
      .thenThrows('EXIT_WITHOUT_OUTCOME');
    given([enrolled, event.selfEmploymentStarted('2008-02-15')])
      .when(command.exit('2008-03-01', 'EMPLOYMENT'))
      .thenThrows('EXIT_WITHOUT_OUTCOME');
  });

  it('does not count a job of a previous spell after re-enrolment', () => {
    const employedLastSpell = [enrolled, event.jobStarted('2008-02-15'), event.exited('2008-03-01', 'EMPLOYMENT')];
    given([...employedLastSpell, event.reEnrolled('2008-04-01', 'paris-gatp')])
      .when(command.exit('2008-05-01', 'EMPLOYMENT'))
      .thenThrows('EXIT_WITHOUT_OUTCOME');
  });

  it('does not count self-employment of a previous spell after re-enrolment', () => {
    const selfEmployedLastSpell = [
      enrolled,
      event.selfEmploymentStarted('2008-02-15'),
      event.exited('2008-03-01', 'SELF_EMPLOYMENT'),
    ];
    given([...selfEmployedLastSpell, event.reEnrolled('2008-04-01', 'paris-gatp')])
      .when(command.exit('2008-05-01', 'SELF_EMPLOYMENT'))
      .thenThrows('EXIT_WITHOUT_OUTCOME');
  });

  it('accepts a job of the new spell', () => {
    given([...secondSpell, event.jobStarted('2008-04-20')])
      .when(command.exit('2008-05-01', 'EMPLOYMENT'))
      .then([event.exited('2008-05-01', 'EMPLOYMENT')]);
  });

  it.each(['TRAINING', 'RETIREMENT', 'DROPPED_OUT', 'OTHER'] as const)('needs no outcome for an exit for %s', (reason) => {
    given([enrolled]).when(command.exit('2008-03-01', reason)).then([event.exited('2008-03-01', reason)]);
  });
});

describe('FOLLOW_UP_BEFORE_EXIT', () => {
  it('accepts a follow-up dated on the exit day or later', () => {
    given([enrolled, exited]).when(command.followUp('2008-03-01')).then([event.followedUp('2008-03-01')]);
    given([enrolled, exited]).when(command.followUp('2008-06-01', { monthsAfterExit: 3 })).then([event.followedUp('2008-06-01', { monthsAfterExit: 3 })]);
  });

  it('refuses a follow-up while the participant is active', () => {
    given([enrolled]).when(command.followUp('2008-03-01')).thenThrows('FOLLOW_UP_BEFORE_EXIT');
  });

  it('refuses a follow-up dated before the exit', () => {
    given([enrolled, exited]).when(command.followUp('2008-02-28')).thenThrows('FOLLOW_UP_BEFORE_EXIT');
  });

  it('refuses a follow-up once re-enrolled: the participant is active again', () => {
    given(secondSpell).when(command.followUp('2008-05-01')).thenThrows('FOLLOW_UP_BEFORE_EXIT');
  });
});

describe('Re-enrolment', () => {
  describe('NOT_EXITED', () => {
    it('accepts re-enrolling an exited participant', () => {
      given([enrolled, exited]).when(command.reEnrol('2008-04-01')).then([event.reEnrolled('2008-04-01', 'paris-gatp')]);
    });

    it('refuses re-enrolling an active participant', () => {
      given([enrolled]).when(command.reEnrol('2008-04-01')).thenThrows('NOT_EXITED');
      given(secondSpell).when(command.reEnrol('2008-05-01')).thenThrows('NOT_EXITED');
    });
  });

  describe('DATE_BEFORE_EXIT', () => {
    it('accepts a re-enrolment on the exit day', () => {
      given([enrolled, exited]).when(command.reEnrol('2008-03-01')).then([event.reEnrolled('2008-03-01', 'paris-gatp')]);
    });

    it('refuses a re-enrolment dated before the exit', () => {
      given([enrolled, exited]).when(command.reEnrol('2008-02-28')).thenThrows('DATE_BEFORE_EXIT');
    });
  });

  describe('programme', () => {
    it('moves the participant to another programme of their city', () => {
      given([enrolled, exited])
        .when(command.reEnrol('2008-04-01', { programme: 'paris-pionnieres' }))
        .then([event.reEnrolled('2008-04-01', 'paris-pionnieres')]);
    });

    it('keeps the current programme when none is given, even one taken at a re-enrolment', () => {
      const movedThenExited = [enrolled, exited, event.reEnrolled('2008-04-01', 'paris-rmi'), event.exited('2008-05-01')];
      given(movedThenExited).when(command.reEnrol('2008-06-01')).then([event.reEnrolled('2008-06-01', 'paris-rmi')]);
    });

    it('refuses a programme of another city (BAD_USER_INPUT)', () => {
      given([enrolled, exited])
        .when(command.reEnrol('2008-04-01', { programme: 'frankfurt-kompass' }))
        .thenThrowsInvalidInput('programme');
    });
  });

  it('starts the new spell with no activity running', () => {
    const ranBeforeExit = [enrolled, event.activityStarted('2008-02-01'), exited, event.reEnrolled('2008-04-01', 'paris-rmi')];
    given(ranBeforeExit).when(command.startActivity('2008-04-02')).then([event.activityStarted('2008-04-02')]);
    given(ranBeforeExit).when(command.completeActivity('2008-04-02')).thenThrows('ACTIVITY_NOT_STARTED');
  });
});

describe('Exit', () => {
  // Observable through decide only after a re-enrolment, which resets too: hence the state.
  it('ends the activities that were running', () => {
    const { state } = foldJourney([enrolled, event.activityStarted('2008-02-01', 'JOB_CLUB'), exited]);
    expect(state).toMatchObject({ exitedOn: '2008-03-01', activityStartedOn: {} });
  });
});
