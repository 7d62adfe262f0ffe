import type { JourneyCommand } from '../../../src/journey/domain/commands';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { given } from '../../support/decider-specification';
import { command, event } from './fixtures';

const enrolled = event.enrolled();
const erasedWhileActive = [enrolled, event.erased('2008-05-02')];
const erasedAfterExit = [enrolled, event.exited('2008-03-01'), event.erased('2008-05-02')];

describe('Erasure', () => {
  it("is dated today in the service's clock, whatever the journey's dates", () => {
    given([enrolled]).asOf('2008-05-02').when(command.erase('Asked by the participant')).then([event.erased('2008-05-02')]);
  });

  it('is accepted after the exit', () => {
    given([enrolled, event.exited('2008-03-01')]).when(command.erase('Retention period over')).then([
      event.erased('2008-06-30', 'Retention period over'),
    ]);
  });

  it('records nothing more when erased again: a retry, or a second request, answers the erased case', () => {
    given(erasedWhileActive).when(command.erase('Second request')).then([]);
    given(erasedAfterExit).when(command.erase()).then([]);
  });

  describe('ERASED', () => {
    const note = 'Wants to move to Lyon';
    type Noted = [name: string, (note: string | null) => JourneyCommand, (note: string | null) => JourneyEvent];
    const noted: Noted[] = [
      [
        'a coaching session',
        (n) => command.coaching('2008-06-01', { note: n }),
        (n) => event.coachingHeld('2008-06-01', { note: n }),
      ],
      [
        'an activity start',
        (n) => command.startActivity('2008-06-01', 'JOB_CLUB', { note: n }),
        (n) => event.activityStarted('2008-06-01', 'JOB_CLUB', { note: n }),
      ],
      [
        'a referral',
        (n) => command.refer('2008-06-01', 'ddee', { note: n }),
        (n) => event.referred('2008-06-01', 'ddee', { note: n }),
      ],
      ['a job', (n) => command.startJob('2008-06-01', { note: n }), (n) => event.jobStarted('2008-06-01', { note: n })],
      [
        'self-employment',
        (n) => command.startSelfEmployment('2008-06-01', { note: n }),
        (n) => event.selfEmploymentStarted('2008-06-01', { note: n }),
      ],
      [
        'an exit',
        (n) => command.exit('2008-06-01', 'OTHER', { note: n }),
        (n) => event.exited('2008-06-01', 'OTHER', { note: n }),
      ],
    ];

    it.each(noted)('refuses %s with a note after erasure', (_, milestone) => {
      given(erasedWhileActive).when(milestone(note)).thenThrows('ERASED');
    });

    it.each(noted)('accepts %s without a note after erasure', (_, milestone, recorded) => {
      given(erasedWhileActive).when(milestone(null)).then([recorded(null)]);
    });

    it.each(noted)('accepts %s with a note before erasure', (_, milestone, recorded) => {
      given([enrolled]).when(milestone(note)).then([recorded(note)]);
    });

    it('refuses a follow-up or re-enrolment with a note after erasure', () => {
      given(erasedAfterExit).when(command.followUp('2008-06-01', { monthsAfterExit: 3, note })).thenThrows('ERASED');
      given(erasedAfterExit).when(command.reEnrol('2008-06-01', { note })).thenThrows('ERASED');
    });

    it('accepts a follow-up and re-enrolment without a note after erasure', () => {
      given(erasedAfterExit).when(command.followUp('2008-06-01', { monthsAfterExit: 3 })).then([event.followedUp('2008-06-01', { monthsAfterExit: 3 })]);
      given(erasedAfterExit).when(command.reEnrol('2008-06-01')).then([event.reEnrolled('2008-06-01', 'paris-gatp')]);
    });
  });
});
