import { given } from '../../support/decider-specification';
import { command, event } from './fixtures';

const enrolled = event.enrolled();

describe('ACTIVITY_ALREADY_STARTED', () => {
  it('accepts several different activities running side by side', () => {
    given([enrolled, event.activityStarted('2008-02-01', 'IT_TRAINING')])
      .when(command.startActivity('2008-02-05', 'JOB_CLUB'))
      .then([event.activityStarted('2008-02-05', 'JOB_CLUB')]);
  });

  it('refuses to start an activity that is running', () => {
    given([enrolled, event.activityStarted('2008-02-01', 'IT_TRAINING')])
      .when(command.startActivity('2008-02-05', 'IT_TRAINING'))
      .thenThrows('ACTIVITY_ALREADY_STARTED');
  });

  it('accepts starting an activity again once it has ended', () => {
    const abandoned = event.activityCompleted('2008-03-01', 'IT_TRAINING', { result: 'ABANDONED' });
    given([enrolled, event.activityStarted('2008-02-01'), abandoned])
      .when(command.startActivity('2008-04-01'))
      .then([event.activityStarted('2008-04-01')]);
  });
});

describe('ACTIVITY_NOT_STARTED', () => {
  it('accepts completing a running activity', () => {
    given([enrolled, event.activityStarted('2008-02-01', 'HEALTH_PROGRAMME')])
      .when(command.completeActivity('2008-03-01', 'HEALTH_PROGRAMME'))
      .then([event.activityCompleted('2008-03-01', 'HEALTH_PROGRAMME')]);
  });

  it('refuses completing an activity never started', () => {
    given([enrolled]).when(command.completeActivity('2008-03-01')).thenThrows('ACTIVITY_NOT_STARTED');
  });

  it('refuses completing an activity other than the running one', () => {
    given([enrolled, event.activityStarted('2008-02-01', 'IT_TRAINING')])
      .when(command.completeActivity('2008-03-01', 'JOB_CLUB'))
      .thenThrows('ACTIVITY_NOT_STARTED');
  });

  it('refuses completing the same activity twice', () => {
    given([enrolled, event.activityStarted('2008-02-01'), event.activityCompleted('2008-03-01')])
      .when(command.completeActivity('2008-03-02'))
      .thenThrows('ACTIVITY_NOT_STARTED');
  });
});

// The catalogue is per city: a Paris adviser cannot pick a Frankfurt partner by mistake.
describe("providers and partners from the participant's city (BAD_USER_INPUT)", () => {
  it.each([null, 'astrolabe-conseil'])('accepts an activity with provider %s', (provider) => {
    given([enrolled])
      .when(command.startActivity('2008-02-01', 'VOCATIONAL_TRAINING', { provider }))
      .then([event.activityStarted('2008-02-01', 'VOCATIONAL_TRAINING', { provider })]);
  });

  it.each(['kompass', 'no-such-partner'])('refuses provider %s for a Paris participant', (provider) => {
    given([enrolled])
      .when(command.startActivity('2008-02-01', 'VOCATIONAL_TRAINING', { provider }))
      .thenThrowsInvalidInput('provider');
  });

  it('accepts a referral to a partner of the city', () => {
    given([enrolled]).when(command.refer('2008-02-01', 'ffge')).then([event.referred('2008-02-01', 'ffge')]);
  });

  it('refuses a referral to a Frankfurt partner for a Paris participant', () => {
    given([enrolled]).when(command.refer('2008-02-01', 'agentur-fuer-arbeit')).thenThrowsInvalidInput('partner');
  });

  it("judges by the participant's city, whatever the partner", () => {
    const inFrankfurt = event.enrolled({ city: 'frankfurt', programme: 'frankfurt-test-group' });
    given([inFrankfurt]).when(command.refer('2008-02-01', 'kompass')).then([event.referred('2008-02-01', 'kompass')]);
    given([inFrankfurt]).when(command.refer('2008-02-01', 'ddee')).thenThrowsInvalidInput('partner');
  });
});
